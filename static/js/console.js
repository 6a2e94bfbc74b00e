// The run's console: one element per line the program printed, with its
// program time and the task that printed it. Program output is hostile: it
// only ever becomes text (textContent), never HTML.

import { say, seconds } from "./i18n.js";

/** How close to the bottom (px) still counts as "following" the output. */
const FOLLOW_SLACK = 24;

export class RunConsole {
  /**
   * @param {HTMLElement} element the `[data-testid=console]` box
   * @param {import("./tasks.js").TaskRegistry} tasks
   */
  constructor(element, tasks) {
    this.element = element;
    this.tasks = tasks;
    /** The last line if the program has not finished it yet (no newline): its source and element. */
    this.open = null;
  }

  /** Appends an `output` event's text, split into lines; a line without its newline stays open. */
  output(event) {
    const source = `${event.stream}|${event.task ?? ""}`;
    const parts = String(event.text ?? "").split("\n");
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      if (last && part === "") return; // the text ended with a newline
      if (index === 0 && this.open?.source === source) {
        this.open.text.textContent += part;
      } else {
        const line = this.line(event, part);
        this.add(line.element);
        this.open = { source, ...line };
      }
      if (!last) this.open = null;
    });
  }

  /**
   * New lines are collected and attached once per frame: a replay can show
   * thousands of events at once, and measuring the scroll position for each
   * would force a layout per line.
   */
  add(element) {
    if (!this.pending) {
      this.pending = document.createDocumentFragment();
      requestAnimationFrame(() => this.flush());
    }
    this.pending.append(element);
  }

  flush() {
    if (!this.pending) return;
    const follow = this.following();
    this.element.append(this.pending);
    this.pending = null;
    if (follow) this.scrollToEnd();
  }

  line(event, text) {
    const task = event.task == null ? null : this.tasks.get(event.task);
    const element = document.createElement("div");
    element.className = `line ${event.stream === "stderr" ? "stderr" : "stdout"}`;
    element.dataset.testid = "line";
    element.dataset.t = Number(event.t ?? 0).toFixed(3);
    element.dataset.task = task ? task.name : "";
    element.dataset.stream = event.stream;

    const time = document.createElement("span");
    time.className = "t";
    time.textContent = seconds(event.t);
    const who = document.createElement("span");
    who.className = `who ${task ? task.colour : "task-main"}`;
    who.textContent = task ? task.label : "";
    if (task) who.title = say(`任务 ${task.label}`, `task ${task.label}`);
    const textElement = document.createElement("span");
    textElement.className = "text";
    textElement.textContent = text;
    element.append(time, who, textElement);
    return { element, text: textElement };
  }

  /** A line from the playground itself (a warning, a clock switch), set apart from program output. */
  note(t, text, kind = "note") {
    const element = document.createElement("div");
    element.className = `line-note ${kind}`;
    const time = document.createElement("span");
    time.className = "t";
    time.textContent = seconds(t);
    const body = document.createElement("span");
    body.className = "text";
    body.textContent = text;
    element.append(time, body);
    this.add(element);
    this.open = null;
  }

  /** True unless the reader scrolled up to read earlier output. */
  following() {
    const e = this.element;
    return e.scrollHeight - e.scrollTop - e.clientHeight <= FOLLOW_SLACK;
  }

  scrollToEnd() {
    this.element.scrollTop = this.element.scrollHeight;
  }

  /** What the program printed, as plain text, for the copy button. */
  text() {
    const lines = [];
    this.flush();
    for (const line of this.element.querySelectorAll("[data-testid=line] .text")) lines.push(line.textContent);
    return lines.join("\n");
  }
}

/** Copies the console's text; falls back to a selection where the Clipboard API is missing (plain http). */
export async function copyText(text, button) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.append(area);
    area.select();
    copied = document.execCommand("copy");
    area.remove();
  }
  const label = (button.dataset.label ??= button.textContent);
  button.textContent = copied ? say("已复制", "Copied") : say("复制失败", "Copy failed");
  setTimeout(() => { button.textContent = label; }, 1500);
}
