// One run on the page: its event stream feeds the replay, which decides when
// each event is shown; shown events go to the console, the timeline, the
// status line and the editor's line marks.

import { RunStream } from "./run-stream.js";
import { Replay, ReplayControls } from "./replay.js";
import { RunConsole, copyText } from "./console.js";
import { TaskRegistry } from "./tasks.js";
import { TimelineModel } from "./timeline-model.js";
import { Timeline } from "./timeline.js";
import { blockedNote, clockLabel, isZh, noticeText, reasonLabel, say, seconds, shortSeconds } from "./i18n.js";

export class RunView {
  /**
   * @param {HTMLElement} box the `.console-box[data-run-id]` fragment htmx swapped in
   * @param {import("./editor.js").SnippetEditor|null} editor the snippet's editor, for line marks
   */
  constructor(box, editor) {
    this.box = box;
    this.editor = editor;
    this.runId = box.dataset.runId;
    this.mode = box.dataset.mode === "real" ? "real" : "virtual";
    this.status = box.querySelector("[data-testid=status]");
    this.message = box.querySelector(".status-message");
    this.form = box.closest("form");
    this.stopButton = this.form?.querySelector("[data-testid=stop]");
    this.serverEnd = null;
    this.shownEnd = null;
    this.blockedLines = new Map(); // line → {count, seconds}
    this.clockNote = "";

    this.tasks = new TaskRegistry();
    this.model = new TimelineModel(this.tasks);
    this.console = new RunConsole(box.querySelector("[data-testid=console]"), this.tasks);
    this.replay = new Replay({
      replaying: this.mode === "virtual",
      show: (type, event) => this.show(type, event),
      onProgress: () => this.progressed(),
    });
    this.controls = new ReplayControls(box.querySelector("[data-testid=replay]"), this.replay);
    this.timeline = new Timeline(box.querySelector("[data-testid=timeline]"), box.querySelector(".timeline-detail"),
      this.model, () => this.replay.now());
    box.querySelector("[data-testid=copy]")?.addEventListener("click", (event) =>
      copyText(this.console.text(), event.currentTarget));

    editor?.clearMarks();
    // Ctrl+Enter at the top of a long snippet: bring the status line into view, scrolling as little as possible.
    this.status.scrollIntoView({ block: "nearest" });
    this.onStop = () => this.stop();
    this.stopButton?.addEventListener("click", this.onStop);
    this.updateButtons();
    this.stream = new RunStream(this.runId, (type, event) => this.received(type, event), (trouble) => this.trouble(trouble));
  }

  /** An event arrived from the server (not necessarily shown yet). */
  received(type, event) {
    if (!this.box.isConnected) {
      this.dispose();
      return;
    }
    if (type === "end") {
      this.serverEnd = event;
      this.timeline.setEnd(Math.max(Number(event.durationSeconds) || 0, this.replay.latestT));
    }
    this.replay.push(type, event);
    if (type === "end") {
      this.renderStatus();
      this.updateButtons();
    }
  }

  /** The replay reached an event: draw it. */
  show(type, event) {
    switch (type) {
      case "queued":
        this.queuedAt = event.position;
        break;
      case "start":
        this.started = event;
        // Between events of a live run the clock still moves: keep the timeline's "now" line moving too.
        if (this.replay.state === "live") this.clockTimer = setInterval(() => this.timeline.invalidate(), 100);
        break;
      case "task":
        this.model.task(event);
        break;
      case "output":
        this.model.output(event);
        this.console.output(event);
        break;
      case "blocked":
        this.model.blocked(event);
        this.markBlocked(event);
        break;
      case "clock":
        this.clockNote = say(`改用真实时间（${event.reason}）`, `switched to real time (${event.reason})`);
        this.console.note(event.t, say(`时钟：${this.clockNote}：程序用了线程、子进程或真实 I/O，虚拟时钟无法快进`,
          `Clock: ${this.clockNote}: the program uses threads, subprocesses or real I/O, which a virtual clock cannot skip`));
        break;
      case "notice":
        if (event.kind === "task-events") this.model.stopFollowing(event);
        this.console.note(event.t, noticeText(event));
        break;
      case "error":
        if (event.line) this.editor?.mark(event.line, "error", `${event.kind}: ${event.message}`);
        break;
      case "end":
        this.shownEnd = event;
        clearInterval(this.clockTimer);
        // Lines wait for the next frame (RunConsole.add); "finished" must not be shown before the last of them.
        this.console.flush();
        break;
    }
    this.timeline.invalidate();
    if (type !== "output" && type !== "task") this.renderStatus();
  }

  markBlocked(event) {
    const line = Number(event.line);
    const seconds = Number(event.seconds) || 0;
    const lineText = this.editor?.lineText(line) ?? "";
    const sum = this.blockedLines.get(line) ?? { count: 0, seconds: 0 };
    sum.count += 1;
    sum.seconds += seconds;
    this.blockedLines.set(line, sum);
    const note = blockedNote(lineText, sum.count, sum.seconds);
    if (line) this.editor?.mark(line, "blocked", note);
    this.console.note(event.t, line ? say(`第 ${line} 行：${blockedNote(lineText, 1, seconds)}`, `line ${line}: ${blockedNote(lineText, 1, seconds)}`)
      : blockedNote(lineText, 1, seconds), "warning");
  }

  progressed() {
    this.controls.render();
    this.timeline.invalidate();
    if (this.replay.state !== this.lastReplayState) {
      this.lastReplayState = this.replay.state;
      this.renderStatus();
      this.updateButtons();
    }
  }

  /** The status line: changes only when the state does (it is read aloud: role=status). */
  renderStatus() {
    const clock = clockLabel(this.started?.mode ?? this.mode) + (this.clockNote ? ` → ${this.clockNote}` : "");
    let text;
    let message = "";
    if (this.connection === "lost") {
      text = say("与服务器的连接断开了，刷新页面可重试。", "Lost the connection to the server; reload the page to try again.");
    } else if (this.shownEnd || (this.serverEnd && this.replay.state !== "playing")) {
      const end = this.shownEnd ?? this.serverEnd;
      text = [
        end.reason === "ok" ? say("完成", "Finished") : `${say("结束：", "Ended: ")}${reasonLabel(end.reason)}`,
        `${say("退出码", "exit code")} ${end.exitCode ?? "—"}`,
        `${say("程序时间", "program time")} ${seconds(end.durationSeconds)}`,
        `${say("实际用时", "wall time")} ${seconds(end.wallSeconds)}`,
        clock,
        // The server showed an identical run's recording instead of executing again.
        end.cached ? say("刚才有人运行过同样的代码：这是那次运行的录制", "same code as a run moments ago: its recording") : "",
      ].filter(Boolean).join(" · ");
      message = (isZh() ? end.messageZh : null) ?? end.message ?? "";
      if (this.replay.state === "frozen") {
        message = [message, say(`回放停在 ${shortSeconds(this.replay.playhead)}，“跳到结尾”可显示其余部分。`,
          `Replay stopped at ${shortSeconds(this.replay.playhead)}; Skip to end shows the rest.`)].filter(Boolean).join(" ");
      }
      this.status.dataset.reason = end.reason;
    } else if (this.replay.state === "frozen") {
      text = say("回放已停止 · 程序仍在服务器上运行", "Replay stopped · the program is still running on the server");
    } else if (this.started) {
      text = this.serverEnd
        ? say(`回放中 · ${clock}`, `Replaying · ${clock}`)
        : `${say("运行中", "Running")} · ${clock}`;
    } else if (this.queuedAt !== undefined) {
      text = say(`排队中：第 ${this.queuedAt} 位`, `Queued: position ${this.queuedAt}`);
    } else {
      text = say("已提交…", "Submitted…");
    }
    if (this.connection === "reconnecting") text += say(" · 正在重新连接…", " · reconnecting…");
    if (this.status.textContent !== text) this.status.textContent = text;
    if (this.message && this.message.textContent !== message) {
      this.message.textContent = message;
      this.message.hidden = !message;
    }
    this.box.dataset.state = this.shownEnd ? "finished" : this.replay.state === "frozen" ? "frozen" : this.started ? "running" : "waiting";
  }

  trouble(connection) {
    if (this.serverEnd) connection = null;
    if (this.connection === connection) return;
    this.connection = connection;
    this.renderStatus();
  }

  /** Stop: ends the run on the server if it is still going, and freezes a replay where it is. */
  stop() {
    if (!this.serverEnd) {
      fetch(`/api/runs/${encodeURIComponent(this.runId)}`, { method: "DELETE" }).catch(() => {});
    }
    if (this.replay.state === "playing") this.replay.freeze();
    else if (this.serverEnd) this.renderStatus();
    this.stopRequested = true;
    this.updateButtons();
  }

  /** The student edited the code: a replay stops (the run itself is left alone). */
  edited() {
    this.replay.freeze();
  }

  updateButtons() {
    if (!this.stopButton) return;
    const serverRunning = !this.serverEnd && !this.stopRequested;
    this.stopButton.disabled = !(serverRunning || this.replay.state === "playing");
  }

  /** The view is going away (a new run replaced it, or the page changed): stop listening; optionally stop the run. */
  dispose({ stopRun = false } = {}) {
    if (this.disposed) return;
    this.disposed = true;
    if (stopRun && !this.serverEnd) {
      fetch(`/api/runs/${encodeURIComponent(this.runId)}`, { method: "DELETE" }).catch(() => {});
    }
    this.stream.close();
    clearInterval(this.clockTimer);
    this.replay.dispose();
    this.timeline.dispose();
    this.stopButton?.removeEventListener("click", this.onStop);
    if (this.stopButton) this.stopButton.disabled = true;
  }
}
