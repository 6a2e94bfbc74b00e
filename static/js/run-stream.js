// A run's events from GET /api/runs/{id}/events, each delivered exactly once
// and in order, across reconnects.
//
// EventSource reconnects by itself after a dropped connection and sends
// Last-Event-ID (= the last seq it saw), so the server resumes after it. When
// the browser gives up instead (an error answer, a server restart), we open a
// new stream with ?after=<last seq>. Either way an event whose seq we already
// have is dropped, so no console line is ever shown twice.

const TYPES = ["queued", "start", "output", "task", "blocked", "clock", "notice", "error", "exit", "end"];
const MAX_REOPENS = 5;

export class RunStream {
  /**
   * @param {string} runId
   * @param {(type: string, event: object) => void} onEvent called once per event, in seq order
   * @param {(trouble: "reconnecting"|"lost"|null) => void} onTrouble connection state for the status line
   */
  constructor(runId, onEvent, onTrouble) {
    this.url = `/api/runs/${encodeURIComponent(runId)}/events`;
    this.onEvent = onEvent;
    this.onTrouble = onTrouble;
    this.lastSeq = 0;
    this.reopens = 0;
    this.closed = false;
    this.open();
  }

  open() {
    const url = this.lastSeq > 0 ? `${this.url}?after=${this.lastSeq}` : this.url;
    const source = new EventSource(url);
    this.source = source;
    for (const type of TYPES) {
      source.addEventListener(type, (message) => this.receive(type, message));
    }
    source.onopen = () => this.onTrouble(null);
    source.onerror = () => {
      if (this.closed) return;
      if (source.readyState === EventSource.CLOSED) this.reopenLater();
      else this.onTrouble("reconnecting");
    };
  }

  receive(type, message) {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    const seq = Number(event.seq ?? message.lastEventId);
    if (!(seq > this.lastSeq)) return;
    this.lastSeq = seq;
    this.reopens = 0;
    // Chrome may report the end of a stream (error) before dispatching its last events.
    this.onTrouble(null);
    this.onEvent(type, event);
    if (type === "end") this.close();
  }

  reopenLater() {
    this.source.close();
    if (this.reopens >= MAX_REOPENS) {
      this.onTrouble("lost");
      return;
    }
    this.onTrouble("reconnecting");
    this.reopens += 1;
    this.timer = setTimeout(() => this.closed || this.open(), 500 * 2 ** this.reopens);
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.source?.close();
  }
}
