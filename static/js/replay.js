// When the page shows each event. A real-time run is shown as it arrives. A
// fast-forward run reaches the browser in milliseconds, so it is replayed:
// a playhead moves through program time at 1×, 2× or 10× real speed and an
// event is shown once the playhead reaches its `t`. Skip shows everything at
// once; stop freezes the playhead where it is (Skip still shows the rest).

import { say, shortSeconds } from "./i18n.js";

/** Events shown the moment they arrive, whatever the playhead says. */
const IMMEDIATE = new Set(["queued", "start", "clock"]);
export const SPEEDS = [1, 2, 10];

export class Replay {
  /**
   * @param {object} options
   * @param {boolean} options.replaying true for fast-forward runs
   * @param {(type: string, event: object) => void} options.show renders one event
   * @param {(state: Replay) => void} options.onProgress after each step: playhead moved or state changed
   */
  constructor({ replaying, show, onProgress }) {
    this.state = replaying ? "playing" : "live"; // playing | live | frozen | done
    this.replayed = replaying;
    this.started = false;
    this.show = show;
    this.onProgress = onProgress;
    this.speed = 1;
    this.playhead = 0;
    this.queue = []; // [type, event] not shown yet, in seq order
    this.latestT = 0; // the largest program time received so far
    this.endT = null; // program time at which the run ended, once the server says so
    this.lastArrival = performance.now();
    this.frame = null;
  }

  /** A new event from the server. */
  push(type, event) {
    const t = Number(event.t) || 0;
    this.latestT = Math.max(this.latestT, t);
    this.lastArrival = performance.now();
    if (type === "start") this.started = true;
    if (type === "end") this.endT = Math.max(this.latestT, Number(event.durationSeconds) || 0);
    if (this.state === "live" || (this.state === "playing" && IMMEDIATE.has(type) && this.queue.length === 0)) {
      this.playhead = Math.max(this.playhead, t);
      this.show(type, event);
      if (type === "end") this.finish();
    } else {
      this.queue.push([type, event]);
    }
    this.tick();
  }

  /** Moves the playhead and shows what it passed; runs once per animation frame while playing. */
  tick() {
    if (this.state === "playing" && this.frame === null) {
      this.frameTime = performance.now();
      this.frame = requestAnimationFrame(() => this.advance());
    }
    this.onProgress(this);
  }

  advance() {
    this.frame = null;
    if (this.state !== "playing") return;
    const now = performance.now();
    const step = ((now - this.frameTime) / 1000) * this.speed;
    this.playhead = Math.min(this.playhead + step, this.latestT);
    this.release((t) => t <= this.playhead);
    this.tick();
  }

  release(due) {
    let shown = 0;
    while (this.queue.length > shown && due(Number(this.queue[shown][1].t) || 0)) {
      const [type, event] = this.queue[shown];
      shown += 1;
      this.show(type, event);
      if (type === "end") {
        this.queue.splice(0, shown);
        this.finish();
        return;
      }
    }
    this.queue.splice(0, shown);
  }

  finish() {
    this.state = "done";
    this.playhead = Math.max(this.playhead, this.endT ?? this.latestT);
  }

  /** Shows everything received so far; later events are shown as they arrive. */
  skip() {
    if (this.state === "done") return;
    this.state = "live";
    this.playhead = this.latestT;
    this.release(() => true);
    this.onProgress(this);
  }

  /** Stops the playhead where it is (Stop, or the student edited the code). */
  freeze() {
    if (this.state !== "playing") return;
    this.state = "frozen";
    cancelAnimationFrame(this.frame);
    this.frame = null;
    this.onProgress(this);
  }

  setSpeed(speed) {
    this.speed = speed;
    this.onProgress(this);
  }

  /** Program time the page currently shows; for a live run it keeps moving between events. */
  now() {
    if (this.state === "live" && this.endT === null && this.started) {
      return this.latestT + (performance.now() - this.lastArrival) / 1000;
    }
    return this.playhead;
  }

  /** How far the replay is, 0…1, against the end time when known. */
  progress() {
    const total = this.endT ?? this.latestT;
    if (this.state === "done") return 1;
    return total > 0 ? Math.min(1, this.playhead / total) : 0;
  }

  get active() {
    return this.state === "playing";
  }

  dispose() {
    cancelAnimationFrame(this.frame);
    this.frame = null;
    this.state = this.state === "playing" ? "frozen" : this.state;
  }
}

/** The replay bar: speed buttons, Skip, a progress bar and the playhead's time. */
export class ReplayControls {
  constructor(root, replay) {
    this.root = root;
    this.replay = replay;
    this.bar = root.querySelector(".replay-progress");
    this.time = root.querySelector(".replay-time");
    this.skipButton = root.querySelector("[data-testid=skip]");
    this.speedButtons = [...root.querySelectorAll("[data-speed]")];
    for (const button of this.speedButtons) {
      button.addEventListener("click", () => replay.setSpeed(Number(button.dataset.speed)));
    }
    this.skipButton.addEventListener("click", () => replay.skip());
  }

  render() {
    const r = this.replay;
    this.root.hidden = !r.replayed;
    for (const button of this.speedButtons) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.speed) === r.speed));
    }
    this.skipButton.disabled = r.state === "done" || r.state === "live";
    const percent = Math.round(r.progress() * 100);
    this.bar.value = percent;
    this.bar.textContent = `${percent}%`;
    const total = r.endT ?? r.latestT;
    this.time.textContent = `${shortSeconds(r.playhead)} / ${shortSeconds(total)}`
      + (r.state === "frozen" ? say("（回放已停）", " (replay stopped)") : "");
  }
}
