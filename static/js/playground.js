// The lesson page's live parts: a run's console fed by Server-Sent Events,
// the Stop and Reset buttons and the Ctrl/Cmd+Enter shortcut. Everything a
// program prints is inserted with textContent, never as HTML.

const zh = () => document.documentElement.lang === "zh";
const say = (zhText, enText) => (zh() ? zhText : enText);

/** Follows one run: opens its event stream and renders lines and status. */
class RunConsole {
  constructor(box) {
    this.box = box;
    this.runId = box.dataset.runId;
    this.status = box.querySelector("[data-testid=status]");
    this.console = box.querySelector("[data-testid=console]");
    this.tasks = new Map();
    this.form = box.closest("form");
    this.stopButton = this.form?.querySelector("[data-testid=stop]");
    this.open();
  }

  open() {
    this.setRunning(true);
    this.source = new EventSource(`/api/runs/${encodeURIComponent(this.runId)}/events`);
    for (const type of ["queued", "start", "output", "task", "blocked", "clock", "error", "exit", "end"]) {
      this.source.addEventListener(type, (message) => this.handle(type, JSON.parse(message.data)));
    }
    this.source.onerror = () => {
      if (this.ended) this.source.close();
    };
  }

  handle(type, event) {
    switch (type) {
      case "queued":
        this.status.textContent = say(`排队中：第 ${event.position} 位`, `Queued: position ${event.position}`);
        break;
      case "start":
        this.status.textContent = say("运行中…", "Running…");
        break;
      case "task":
        if (event.name) this.tasks.set(event.id, event.name);
        break;
      case "output":
        this.appendLine(event);
        break;
      case "end":
        this.finish(event);
        break;
    }
  }

  appendLine(event) {
    const line = document.createElement("div");
    line.className = `line ${event.stream}`;
    line.dataset.testid = "line";
    line.dataset.t = event.t.toFixed(3);
    line.dataset.task = event.task ? this.tasks.get(event.task) ?? event.task : "";
    const time = document.createElement("span");
    time.className = "t";
    time.textContent = `${event.t.toFixed(3)} s`;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = event.text;
    line.append(time, text);
    this.console.append(line);
    this.console.scrollTop = this.console.scrollHeight;
  }

  finish(event) {
    this.ended = true;
    this.source.close();
    this.setRunning(false);
    const times = say(
      `程序时间 ${event.durationSeconds.toFixed(3)} s，实际用时 ${event.wallSeconds.toFixed(3)} s`,
      `program time ${event.durationSeconds.toFixed(3)} s, wall time ${event.wallSeconds.toFixed(3)} s`);
    const head = event.reason === "ok"
      ? say("完成，退出码 0", "Finished, exit code 0")
      : say(`结束（${event.reason}），退出码 ${event.exitCode ?? "—"}`, `Ended (${event.reason}), exit code ${event.exitCode ?? "—"}`);
    this.status.textContent = `${head} · ${times}` + (event.message ? ` — ${event.message}` : "");
    this.status.dataset.reason = event.reason;
  }

  setRunning(running) {
    if (this.stopButton) {
      this.stopButton.disabled = !running;
      this.stopButton.onclick = running ? () => this.stop() : null;
    }
  }

  stop() {
    fetch(`/api/runs/${encodeURIComponent(this.runId)}`, { method: "DELETE" });
  }
}

function wireSnippet(form) {
  const editor = form.querySelector("[data-testid=editor]");
  form.querySelector("[data-testid=reset]")?.addEventListener("click", () => {
    editor.value = editor.dataset.original;
  });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

function init(root) {
  root.querySelectorAll?.(".snippet-form").forEach(wireSnippet);
  root.querySelectorAll?.(".console-box[data-run-id]").forEach((box) => new RunConsole(box));
  if (root.matches?.(".console-box[data-run-id]")) new RunConsole(root);
}

document.addEventListener("htmx:load", (event) => init(event.target));
document.addEventListener("DOMContentLoaded", () => init(document));
document.addEventListener("keydown", (event) => {
  if (event.target.closest?.("input, textarea, select, [contenteditable]")) return;
  const link = document.querySelector(`.lesson-nav a[data-key="${event.key}"]`);
  if (link && (event.altKey || !event.ctrlKey)) link.click();
});
