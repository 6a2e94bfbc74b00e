// The one module the playground imports from CodeMirror: everything
// static/js/editor.js needs, bundled by scripts/vendor-codemirror into
// static/vendor/codemirror/codemirror.js. Add an export here, then rerun
// the script; never edit the bundle by hand.
export { EditorState, StateField, StateEffect, Compartment } from "@codemirror/state";
export {
  EditorView, keymap, Decoration, WidgetType, lineNumbers, highlightActiveLine,
  highlightActiveLineGutter, drawSelection, highlightSpecialChars, placeholder,
} from "@codemirror/view";
export {
  defaultKeymap, history, historyKeymap, indentWithTab, insertNewlineAndIndent,
} from "@codemirror/commands";
export {
  indentOnInput, indentUnit, bracketMatching, syntaxHighlighting, HighlightStyle, foldGutter, foldKeymap,
} from "@codemirror/language";
export { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
export { python } from "@codemirror/lang-python";
export { tags } from "@lezer/highlight";
