// The event-loop timeline: an SVG with the program-time axis on top and one
// row per task. Running spans are solid in the task's colour, waiting spans
// are pale and say what the task awaits, red spans are where a step blocked
// the loop, small ticks are output. Hovering or focusing an item shows its
// details below the drawing; arrow keys move between items.

import { say, seconds, shortSeconds } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const ROW = 26;
const BAR = 14;
const AXIS = 24;
const MAX_ROWS = 60;
const REDRAW_MS = 100;

export class Timeline {
  /**
   * @param {HTMLElement} element the `[data-testid=timeline]` box
   * @param {HTMLElement} detail where hovered/focused item details are written
   * @param {import("./timeline-model.js").TimelineModel} model
   * @param {() => number} now the program time shown so far (playhead)
   */
  constructor(element, detail, model, now) {
    this.element = element;
    this.detail = detail;
    this.model = model;
    this.now = now;
    this.scaleEnd = 1;
    this.fixedEnd = null;
    this.timer = null;
    this.focusKey = null;
    this.resize = new ResizeObserver(() => this.invalidate());
    this.resize.observe(element);
    element.addEventListener("keydown", (event) => this.onKey(event));
  }

  /** The run's total program time, once known: the axis stops growing and spans it. */
  setEnd(t) {
    this.fixedEnd = t;
    this.invalidate();
  }

  /** Asks for a redraw; redraws happen at most every REDRAW_MS. */
  invalidate() {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, this.lastDraw && performance.now() - this.lastDraw < REDRAW_MS ? REDRAW_MS : 0);
  }

  draw() {
    if (!this.element.isConnected) return;
    this.lastDraw = performance.now();
    const now = this.now();
    const width = Math.max(300, this.element.clientWidth || 600);
    const narrow = width < 520;
    const labelWidth = narrow ? 86 : 140;
    const left = labelWidth + 8;
    const right = width - 22;
    this.scaleEnd = this.axisEnd(now);
    const x = (t) => left + (Math.max(0, t) / this.scaleEnd) * (right - left);

    const rows = this.model.all();
    const shownRows = rows.slice(0, MAX_ROWS);
    const height = AXIS + shownRows.length * ROW + 8;
    const hadFocus = this.element.contains(document.activeElement);

    const svg = el("svg", {
      viewBox: `0 0 ${width} ${height}`, width, height, role: "group",
      "aria-label": say("事件循环时间线", "Event-loop timeline"),
    });
    this.drawAxis(svg, x, left, right, height, narrow);
    shownRows.forEach((row, index) => this.drawRow(svg, row, index, x, now, labelWidth));
    const marker = (kind, t) => el("line", { class: kind, x1: x(t), x2: x(t), y1: AXIS - 4, y2: height - 4 });
    const stopped = this.model.followedUntil;
    if (stopped <= now) {
      const line = marker("followed-until", stopped);
      line.append(el("title", {}, say("此后不再记录任务事件", "no task events recorded after this")));
      svg.append(line);
    }
    if (now > 0 && now < this.scaleEnd) svg.append(marker("now", now));
    this.element.replaceChildren(svg);
    if (rows.length > MAX_ROWS) {
      const more = document.createElement("p");
      more.className = "timeline-more";
      more.textContent = say(`另有 ${rows.length - MAX_ROWS} 个任务未画出`, `${rows.length - MAX_ROWS} more tasks not drawn`);
      this.element.append(more);
    }
    this.restoreFocus(hadFocus);
  }

  /** The axis end: the run's end when known, else grows in steps ahead of the playhead. */
  axisEnd(now) {
    if (this.fixedEnd !== null) return Math.max(this.fixedEnd, 0.001);
    if (now <= this.scaleEnd * 0.9) return this.scaleEnd;
    return niceCeil(now * 1.5);
  }

  drawAxis(svg, x, left, right, height, narrow) {
    const step = niceStep(this.scaleEnd / (narrow ? 4 : 8));
    const axis = el("g", { class: "axis", "aria-hidden": "true" });
    for (let t = 0; t <= this.scaleEnd + step / 1000; t += step) {
      const at = x(t);
      axis.append(el("line", { class: "grid", x1: at, x2: at, y1: AXIS - 6, y2: height - 4 }));
      axis.append(text(trimZeros(t, step) + " s", { x: at, y: AXIS - 10, "text-anchor": t === 0 ? "start" : "middle" }));
    }
    svg.append(axis);
  }

  drawRow(svg, row, index, x, now, labelWidth) {
    const task = row.task;
    const top = AXIS + index * ROW;
    const mid = top + ROW / 2;
    const group = el("g", { class: `row ${task.colour}`, "data-row": task.id, "data-task": task.name });
    group.append(el("rect", { class: "row-bg", x: 0, y: top, width: "100%", height: ROW }));
    const label = text(clip(task.label, labelWidth), { class: "row-label", x: 6, y: mid + 4 });
    label.append(el("title", {}, task.label));
    group.append(label);

    const { spans, end } = this.model.spans(row, now);
    spans.forEach((span, i) => {
      // A task usually starts within microseconds of its creation: no span worth pointing at.
      if (span.kind === "scheduled" && span.to - span.from < 0.001) return;
      if (span.to <= span.from && span.kind !== "running") return;
      const x0 = x(span.from);
      const w = Math.max(1.5, x(span.to) - x0);
      const height = span.kind === "running" || span.kind === "main" ? BAR : span.kind === "waiting" ? BAR - 4 : 3;
      const item = this.item(group, `${task.id}:s${i}`, spanDetail(task, span));
      item.append(el("rect", { class: `span ${span.kind}`, x: x0, y: mid - height / 2, width: w, height, rx: 2 }));
      if (span.kind === "waiting" && span.awaiting) {
        const room = w - 8;
        const label = clip(span.awaiting, room, 6.2);
        if (label) item.append(text(label, { class: "span-label", x: x0 + 4, y: mid + 3.5 }));
      }
    });

    this.drawTicks(group, row, x, top);

    row.blocks.forEach((block, i) => {
      if (block.from > now) return;
      const x0 = x(block.from);
      const w = Math.max(2, x(Math.min(block.to, Math.max(now, block.to))) - x0);
      const item = this.item(group, `${task.id}:b${i}`, blockDetail(task, block));
      item.classList?.add("blocked-item");
      item.append(el("rect", { class: "blocked", x: x0, y: mid - BAR / 2 - 2, width: w, height: BAR + 4, rx: 2 }));
      const label = clip(say(`阻塞 ${shortSeconds(block.seconds)}`, `blocked ${shortSeconds(block.seconds)}`), w - 6, 6.2);
      if (label) item.append(text(label, { class: "blocked-label", x: x0 + 3, y: mid + 3.5 }));
    });

    if (end) {
      const item = this.item(group, `${task.id}:end`, endDetail(task, end));
      const glyph = { done: "✓", cancelled: "⊘", failed: "✕" }[end.kind];
      item.append(text(glyph, { class: `end ${end.kind}`, x: x(end.t) + 3, y: mid + 4.5 }));
    }
    svg.append(group);
  }

  /** Output ticks above the bar; ticks closer than a pixel are drawn once. */
  drawTicks(group, row, x, top) {
    let lastPixel = -1;
    const ticks = el("g", { class: "ticks", "aria-hidden": "true" });
    for (const tick of row.ticks) {
      const at = Math.round(x(tick.t));
      if (at === lastPixel) continue;
      lastPixel = at;
      ticks.append(el("line", { class: `tick ${tick.stream}`, x1: at, x2: at, y1: top + 1, y2: top + 5 }));
    }
    group.append(ticks);
  }

  /** A focusable, hoverable item whose details go to the detail line. */
  item(group, key, detail) {
    const item = el("g", { class: "item", tabindex: "-1", "data-key": key, "aria-label": detail });
    item.append(el("title", {}, detail));
    const show = () => { this.detail.textContent = detail; };
    item.addEventListener("pointerenter", show);
    item.addEventListener("focus", () => { this.focusKey = key; show(); });
    group.append(item);
    return item;
  }

  /** Roving tabindex: one item is in the Tab order; the focused one survives redraws. */
  restoreFocus(hadFocus) {
    const items = this.items();
    if (items.length === 0) return;
    const current = items.find((i) => i.dataset.key === this.focusKey) ?? items[0];
    current.setAttribute("tabindex", "0");
    if (hadFocus) current.focus({ preventScroll: true });
  }

  items() {
    return [...this.element.querySelectorAll(".item")];
  }

  onKey(event) {
    const keys = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: "down", ArrowUp: "up", Home: "home", End: "end" };
    const move = keys[event.key];
    if (move === undefined) return;
    const items = this.items();
    const index = items.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    event.stopPropagation();
    let target;
    if (typeof move === "number") target = items[index + move];
    else if (move === "home") target = items[0];
    else if (move === "end") target = items[items.length - 1];
    else {
      const row = items[index].closest(".row");
      const rows = [...this.element.querySelectorAll(".row")].filter((r) => r.querySelector(".item"));
      const nextRow = rows[rows.indexOf(row) + (move === "down" ? 1 : -1)];
      target = nextRow?.querySelector(".item");
    }
    if (!target) return;
    items[index].setAttribute("tabindex", "-1");
    target.setAttribute("tabindex", "0");
    target.focus();
  }

  dispose() {
    clearTimeout(this.timer);
    this.resize.disconnect();
  }
}

function spanDetail(task, span) {
  const when = `${seconds(span.from)} → ${seconds(span.to)} (${shortSeconds(span.to - span.from)})`;
  const where = span.line ? say(`，第 ${span.line} 行`, `, line ${span.line}`) : "";
  switch (span.kind) {
    case "main": return say(`${task.label}：任务之外的代码（模块顶层、asyncio.run 前后）`, `${task.label}: code outside any task (module level, around asyncio.run)`);
    case "scheduled": return say(`${task.label} 已创建，等待事件循环第一次运行它 · ${when}`, `${task.label} created, waiting for its first turn · ${when}`);
    case "running": return say(`${task.label} 正在运行 · ${when}`, `${task.label} running · ${when}`);
    case "waiting": return say(`${task.label} 在等待 ${span.awaiting ?? ""}${where} · ${when}`, `${task.label} waiting on ${span.awaiting ?? "something"}${where} · ${when}`);
    default: return `${task.label} ${span.kind} · ${when}`;
  }
}

function blockDetail(task, block) {
  const where = block.line ? say(`第 ${block.line} 行`, `line ${block.line}`) : say("未知行", "unknown line");
  return say(
    `${task.label} 阻塞了事件循环 ${shortSeconds(block.seconds)}（${where}），${seconds(block.from)} → ${seconds(block.to)}：这段时间其他任务都不能运行`,
    `${task.label} blocked the event loop for ${shortSeconds(block.seconds)} at ${where}, ${seconds(block.from)} → ${seconds(block.to)}: no other task could run`);
}

function endDetail(task, end) {
  const what = { done: say("完成", "done"), cancelled: say("被取消", "cancelled"), failed: say("因异常结束", "failed with an exception") }[end.kind];
  return `${task.label} ${what} · ${seconds(end.t)}`;
}

/** Creates an SVG element with attributes (and optional text). */
function el(name, attrs, content) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (content !== undefined) node.textContent = content;
  return node;
}

function text(content, attrs) {
  return el("text", attrs, content);
}

/** Shortens a label to fit `width` pixels (about `perChar` px a character); "" when nothing fits. */
function clip(label, width, perChar = 7) {
  const fits = Math.floor(width / perChar);
  if (fits < 3) return "";
  return label.length <= fits ? label : label.slice(0, fits - 1) + "…";
}

/** 1, 2 or 5 × a power of ten, at least `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

function niceCeil(value) {
  const step = niceStep(value / 5);
  return Math.ceil(value / step) * step;
}

function trimZeros(t, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return t.toFixed(decimals);
}
