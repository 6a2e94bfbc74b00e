// Entry point of the lesson page's scripts. Wires every snippet on the page
// (editor, Run/Stop/Reset) and every run fragment htmx swaps in, and the
// lesson navigation keys. Works for the first page load and for pages htmx
// swaps in through hx-boost alike.
//
//   editor.js      CodeMirror, localStorage, line marks
//   run-view.js    one run: stream → replay → console, timeline, status
//   run-stream.js  SSE with resume and no duplicates
//   replay.js      when an event is shown (real speed, 1×/2×/10×, skip)
//   console.js     output lines        timeline*.js   the SVG timeline

import { SnippetEditor } from "./editor.js";
import { RunView } from "./run-view.js";

/** form → {editor, run}: the live parts of each snippet on the page. */
const snippets = new WeakMap();
const runs = new Set();

function wireSnippet(form) {
  if (snippets.has(form)) return;
  const state = { editor: null, run: null };
  snippets.set(form, state);
  state.editor = new SnippetEditor(form, { onEdit: () => state.run?.edited() });
  wireModeHelp(form);
}

/** The explanation next to the clock choice follows the selected mode. */
function wireModeHelp(form) {
  const update = () => {
    const mode = form.querySelector("[data-testid=mode] input:checked")?.value;
    form.querySelectorAll("[data-mode-help]").forEach((help) => {
      help.classList.toggle("selected", help.dataset.modeHelp === mode);
    });
  };
  form.querySelector("[data-testid=mode]")?.addEventListener("change", update);
  update();
}

function startRun(box) {
  if (box.dataset.wired) return;
  box.dataset.wired = "1";
  const form = box.closest("form");
  const state = form ? snippets.get(form) : null;
  // Running again replaces the previous run of this snippet: stop it, it can no longer be seen.
  state?.run?.dispose({ stopRun: true });
  const view = new RunView(box, state?.editor ?? null);
  if (state) state.run = view;
  runs.add(view);
}

function init(root) {
  if (!root.querySelectorAll) return;
  root.querySelectorAll(".snippet-form").forEach(wireSnippet);
  if (root.matches(".console-box[data-run-id]")) startRun(root);
  root.querySelectorAll(".console-box[data-run-id]").forEach(startRun);
}

/** Views whose elements left the page (boosted navigation) stop listening to their streams. */
function forgetDetached() {
  for (const view of runs) {
    if (!view.box.isConnected) {
      view.dispose();
      runs.delete(view);
    }
  }
}

/** ← and → open the previous and next lesson, unless typing or moving inside a widget. */
function lessonKeys(event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.target.closest?.("input, textarea, select, button, [contenteditable], .cm-editor, .timeline")) return;
  const link = document.querySelector(`[data-testid=lesson-nav] a[data-key="${event.key}"]`);
  if (link) {
    event.preventDefault();
    link.click();
  }
}

document.addEventListener("htmx:load", (event) => init(event.target));
document.addEventListener("htmx:afterSettle", forgetDetached);
document.addEventListener("keydown", lessonKeys);
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => init(document.body));
} else {
  init(document.body);
}
