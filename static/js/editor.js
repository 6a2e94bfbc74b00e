// The snippet editor: CodeMirror 6 (vendored, see scripts/vendor-codemirror)
// over the form's <textarea name=code>, which stays the field htmx posts and
// is kept in sync on every change. Edits are saved per snippet in
// localStorage until Reset. Lines can carry marks from a run: the uncaught
// exception's line, and lines that blocked the event loop.

import {
  EditorState, StateField, StateEffect, EditorView, keymap, Decoration, WidgetType, lineNumbers,
  highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars, defaultKeymap,
  history, historyKeymap, indentWithTab, indentOnInput, indentUnit, bracketMatching, syntaxHighlighting,
  HighlightStyle, closeBrackets, closeBracketsKeymap, python, tags,
} from "../vendor/codemirror/codemirror.js";
import { say } from "./i18n.js";

const STORAGE_PREFIX = "asyncio-playground:code:";

/** Colours come from CSS variables, so light and dark mode share one style. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], color: "var(--hl-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.docString], color: "var(--hl-string)" },
  { tag: tags.comment, color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--hl-number)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--hl-function)" },
  { tag: [tags.definition(tags.variableName), tags.definition(tags.function(tags.variableName))], color: "var(--hl-definition)" },
  { tag: [tags.className, tags.definition(tags.className)], color: "var(--hl-class)" },
  { tag: [tags.self, tags.special(tags.variableName)], color: "var(--hl-self)" },
  { tag: tags.meta, color: "var(--hl-meta)" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--code-bg)", color: "var(--fg)", borderRadius: "6px", border: "1px solid var(--line)" },
  "&.cm-focused": { outline: "3px solid var(--accent)", outlineOffset: "1px" },
  ".cm-content": { caretColor: "var(--fg)", fontFamily: "var(--mono)" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--muted)", border: "none" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  "&:not(.cm-focused) .cm-activeLine, &:not(.cm-focused) .cm-activeLineGutter": { backgroundColor: "transparent" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--selection)" },
  ".cm-cursor": { borderLeftColor: "var(--fg)" },
});

// ---- marks from a run: a line class plus a note under the line ----------------------------

/** Replaces all marks: [{line, kind: "error"|"blocked", text}]. */
const setMarks = StateEffect.define();

class NoteWidget extends WidgetType {
  constructor(kind, text) {
    super();
    this.kind = kind;
    this.text = text;
  }

  eq(other) {
    return other.kind === this.kind && other.text === this.text;
  }

  toDOM() {
    const note = document.createElement("div");
    note.className = `pg-note pg-note-${this.kind}`;
    note.dataset.testid = `${this.kind}-mark`;
    note.setAttribute("role", "note");
    note.textContent = this.text; // program text (exception messages) only ever as text
    return note;
  }
}

const marksField = StateField.define({
  create: () => Decoration.none,
  update(marks, transaction) {
    marks = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setMarks)) marks = buildMarks(transaction.state.doc, effect.value);
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function buildMarks(doc, marks) {
  const ranges = [];
  for (const mark of marks) {
    if (!(mark.line >= 1 && mark.line <= doc.lines)) continue;
    const line = doc.line(mark.line);
    ranges.push(Decoration.line({ class: `pg-line-${mark.kind}` }).range(line.from));
    ranges.push(Decoration.widget({ widget: new NoteWidget(mark.kind, mark.text), block: true, side: 1 }).range(line.to));
  }
  return Decoration.set(ranges, true);
}

// ---- the editor ---------------------------------------------------------------------------

export class SnippetEditor {
  /**
   * @param {HTMLFormElement} form the snippet's form (holds the textarea and the buttons)
   * @param {object} hooks
   * @param {() => void} hooks.onEdit the student changed the code (a replay in progress stops)
   */
  constructor(form, { onEdit }) {
    this.form = form;
    this.textarea = form.querySelector("textarea[name=code]");
    this.original = this.textarea.dataset.original ?? this.textarea.value;
    const section = form.closest("[data-snippet]");
    this.storageKey = `${STORAGE_PREFIX}${section?.dataset.lesson ?? location.pathname}:${section?.dataset.snippet ?? "main.py"}`;
    this.onEdit = onEdit;
    this.marks = [];

    const saved = readStorage(this.storageKey);
    const code = saved ?? this.original;
    this.textarea.value = code;
    this.view = new EditorView({
      parent: this.textarea.parentElement,
      state: EditorState.create({ doc: code, extensions: this.extensions() }),
    });
    this.textarea.parentElement.insertBefore(this.view.dom, this.textarea);
    this.textarea.hidden = true;
    this.textarea.removeAttribute("data-testid");
    this.textarea.tabIndex = -1;
    this.showEdited(saved !== null);
    form.querySelector("[data-testid=reset]")?.addEventListener("click", () => this.reset());
  }

  extensions() {
    return [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      EditorState.tabSize.of(4),
      indentUnit.of("    "),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      python(),
      syntaxHighlighting(highlight),
      theme,
      marksField,
      keymap.of([
        { key: "Mod-Enter", run: () => { this.form.requestSubmit(); return true; } },
        ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab,
      ]),
      EditorView.contentAttributes.of({
        "data-testid": "editor",
        "aria-label": say("Python 代码编辑器（Esc 再按 Tab 可离开）", "Python code editor (Esc then Tab leaves it)"),
        autocapitalize: "off",
        autocorrect: "off",
        spellcheck: "false",
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.changed();
      }),
    ];
  }

  changed() {
    const code = this.view.state.doc.toString();
    this.textarea.value = code;
    if (code === this.original) removeStorage(this.storageKey);
    else writeStorage(this.storageKey, code);
    this.showEdited(code !== this.original);
    this.onEdit();
  }

  /** Back to the lesson's code; the saved copy is forgotten (Ctrl/Cmd+Z still brings the edit back). */
  reset() {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: this.original },
      effects: setMarks.of([]),
    });
    this.marks = [];
    removeStorage(this.storageKey);
    this.showEdited(false);
  }

  /** Marks a line: kind "error" (the uncaught exception) or "blocked" (held the event loop). */
  mark(line, kind, text) {
    this.marks = this.marks.filter((m) => !(m.line === line && m.kind === kind)).concat({ line, kind, text });
    this.view.dispatch({ effects: setMarks.of(this.marks) });
  }

  clearMarks() {
    if (this.marks.length === 0) return;
    this.marks = [];
    this.view.dispatch({ effects: setMarks.of([]) });
  }

  /** The text of a line as it is now, for wording a note about it. */
  lineText(line) {
    const doc = this.view.state.doc;
    return line >= 1 && line <= doc.lines ? doc.line(line).text : "";
  }

  showEdited(edited) {
    this.form.classList.toggle("edited", edited);
  }
}

// localStorage can be full, disabled or blocked (private windows): editing still works without it.
function readStorage(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* not saved; nothing else to do */
  }
}

function removeStorage(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing saved */
  }
}
