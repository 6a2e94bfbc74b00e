// What the timeline draws, derived from a run's events: one row per task
// (plus the main program), each with the spans it spent scheduled, running
// and waiting, the moments it blocked the loop, and a tick per output.

import { MAIN } from "./tasks.js";

const TERMINAL = new Set(["done", "cancelled", "failed"]);

export class TimelineModel {
  /** @param {import("./tasks.js").TaskRegistry} tasks */
  constructor(tasks) {
    this.tasks = tasks;
    /** task key → {task, changes: [{t, state, awaiting, line}], blocks: [{from, to, line}], ticks: [{t, stream, text}]} */
    this.rows = new Map();
    this.row(null);
    /** Program time after which the runner sent no more task events (a `notice` of kind task-events). */
    this.followedUntil = Infinity;
  }

  row(id) {
    const task = this.tasks.get(id);
    let row = this.rows.get(task.id);
    if (!row) {
      row = { task, changes: [], blocks: [], ticks: [] };
      this.rows.set(task.id, row);
    }
    return row;
  }

  /** A `task` event: the task changed state. */
  task(event) {
    this.tasks.update(event);
    this.row(event.id).changes.push({
      t: Number(event.t) || 0,
      state: String(event.state),
      awaiting: event.awaiting ?? null,
      line: event.line ?? null,
    });
  }

  output(event) {
    const text = String(event.text ?? "");
    this.row(event.task).ticks.push({ t: Number(event.t) || 0, stream: event.stream, text });
  }

  /** The runner stopped sending task events: open spans end here, not at the playhead. */
  stopFollowing(event) {
    this.followedUntil = Math.min(this.followedUntil, Number(event.t) || 0);
  }

  blocked(event) {
    const to = Number(event.t) || 0;
    const held = Number(event.seconds) || 0;
    this.row(event.task).blocks.push({ from: Math.max(0, to - held), to, seconds: held, line: event.line ?? null });
  }

  /**
   * The spans of a row up to program time `now`: {kind: scheduled|running|waiting|main, from, to, awaiting, line}
   * and the final state, if any, as {kind: done|cancelled|failed, t}.
   */
  spans(row, now) {
    if (row.task.id === MAIN) {
      return { spans: [{ kind: "main", from: 0, to: now }], end: null };
    }
    const spans = [];
    let end = null;
    row.changes.forEach((change, index) => {
      if (TERMINAL.has(change.state)) {
        end = { kind: change.state, t: change.t };
        return;
      }
      const next = row.changes[index + 1];
      const to = next ? next.t : Math.max(change.t, Math.min(now, this.followedUntil));
      const kind = change.state === "created" ? "scheduled" : change.state;
      spans.push({ kind, from: change.t, to, awaiting: change.awaiting, line: change.line });
    });
    return { spans, end };
  }

  all() {
    return [...this.rows.values()].sort((a, b) => a.task.order - b.task.order);
  }
}
