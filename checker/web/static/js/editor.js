/* The checked text is the editor (contenteditable, plain text only): typing moves the marks with
 * the text, drops the marks of the findings it touched, keeps the form's draft in step, and after
 * a short pause checks the text again through the form's own address, answered as JSON
 * (views.py). The paragraph cache answers the paragraphs that did not change; the answer's
 * marks and list replace the old ones, the caret and the scroll position stay. */

import { refreshStates } from "./panel.js";
import { initFindings, marksOf, revealScriptControls, say } from "./result-page.js";

const RECHECK_DELAY_MS = 700;
const HEALTH_AFTER_MS = 3000; // a re-check still running by then asks whether the engine answers at all

/* `hooks.beforeRebuild()` runs before a re-check's answer replaces the findings,
 * `hooks.afterRebuild()` after. Returns `recheckSoon()` for choices that change what is found. */
export function setupEditor(page, card, hooks) {
  const editor = page.annotated;
  const state = { timer: null, controller: null, touched: new Set(), composing: false };
  makeEditable(editor);
  hideDraftBox(page);
  followCaret(page, card);

  editor.addEventListener("compositionstart", () => { state.composing = true; });
  editor.addEventListener("compositionend", () => {
    state.composing = false;
    edited(page, card, state);
  });
  const history = setupHistory(page, card, state);
  editor.addEventListener("beforeinput", (event) => {
    if (event.inputType === "historyUndo" || event.inputType === "historyRedo") {
      event.preventDefault();
      history.step(event.inputType === "historyUndo" ? "undo" : "redo");
      return;
    }
    history.remember();
    collectTouched(page, event, state.touched);
  });
  editor.addEventListener("input", () => {
    if (!state.composing) {
      edited(page, card, state);
    }
  });
  const recheckSoon = () => {
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(() => recheck(page, card, state, hooks), RECHECK_DELAY_MS);
  };
  state.recheckSoon = recheckSoon;
  return recheckSoon;
}

/* Undo and redo of the typing, one step per burst of typing between two pauses. The browser's
 * own undo cannot do it: a re-check's answer replaces the marks, and with them its history. */
function setupHistory(page, card, state) {
  const undo = [];
  const redo = [];
  let burst = null; // the pause timer of the burst being typed; null between bursts
  const history = {
    remember() {
      if (burst === null) {
        undo.push({ text: editorText(page), caret: caretOffsets(page.annotated) });
        redo.length = 0;
      }
      window.clearTimeout(burst);
      burst = window.setTimeout(() => { burst = null; }, RECHECK_DELAY_MS);
    },
    step(direction) {
      const from = direction === "undo" ? undo : redo;
      const to = direction === "undo" ? redo : undo;
      if (!from.length) {
        return;
      }
      window.clearTimeout(burst);
      burst = null;
      const snapshot = from.pop();
      to.push({ text: editorText(page), caret: caretOffsets(page.annotated) });
      page.annotated.textContent = snapshot.text; // plain text until the re-check marks it again
      if (snapshot.caret) {
        placeCaret(page.annotated, snapshot.caret);
      }
      page.findings.forEach((finding) => { finding.state = "edited"; });
      edited(page, card, state);
    },
  };
  page.annotated.addEventListener("keydown", (event) => {
    const key = event.key.toLowerCase();
    if (!(event.ctrlKey || event.metaKey) || event.altKey || (key !== "z" && key !== "y")) {
      return;
    }
    event.preventDefault();
    history.step(key === "z" && !event.shiftKey ? "undo" : "redo");
  });
  return history;
}

function makeEditable(editor) {
  try {
    editor.contentEditable = "plaintext-only";
  } catch (error) {
    editor.contentEditable = "true"; // browsers without plain-text editing: pasted markup is text anyway
  }
  editor.spellcheck = false;
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  editor.setAttribute("aria-label", "Ihr Text – hier bearbeiten; markierte Stellen haben einen Hinweis");
  editor.setAttribute("aria-describedby", "editor-help");
  editor.classList.add("is-editable");
  keepMarksOutOfTabOrder(editor);
}

// In a text box the caret, not the Tab key, goes from finding to finding (and the side panel's
// list has a link for each): Tab leaves the text.
function keepMarksOutOfTabOrder(editor) {
  editor.querySelectorAll("mark.issue[tabindex]").forEach((mark) => mark.setAttribute("tabindex", "-1"));
}

// The mark the caret is in, not at one of its ends; null elsewhere.
function markAtCaret(editor) {
  const selection = window.getSelection();
  if (!selection.rangeCount || !selection.isCollapsed || !editor.contains(selection.anchorNode)) {
    return null;
  }
  const node = selection.anchorNode;
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const mark = element && element.closest("mark.issue");
  if (!mark || !editor.contains(mark)) {
    return null;
  }
  const before = document.createRange();
  before.selectNodeContents(editor);
  before.setEndBefore(mark);
  const from = before.toString().length;
  const caret = caretOffsets(editor).start;
  return caret > from && caret < from + mark.textContent.length ? mark : null;
}

/* The caret entering a finding's words opens its card (the focus stays in the text); leaving
 * them closes it. Alt+Enter moves the focus into the card. */
function followCaret(page, card) {
  const editor = page.annotated;
  document.addEventListener("selectionchange", () => {
    if (document.activeElement !== editor || card.quietFocus) {
      return;
    }
    const mark = markAtCaret(editor);
    if (mark) {
      const index = Number(mark.getAttribute("data-issue"));
      if (index !== card.current) {
        card.open(index, mark, false);
      }
    } else if (card.current !== null) {
      card.close(false);
    }
  });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.altKey) {
      event.preventDefault();
      const mark = markAtCaret(editor);
      if (mark) {
        card.open(Number(mark.getAttribute("data-issue")), mark, true);
      }
    }
  });
}

// The separate draft box is the page's fallback without script; here the text itself is edited.
function hideDraftBox(page) {
  page.textarea.hidden = true;
  const label = document.querySelector('label[for="' + page.textarea.id + '"]');
  if (label) {
    label.hidden = true;
  }
}

function editorText(page) {
  return page.annotated.textContent;
}

// The marks an edit is about to change: those holding the caret or meeting the changed range.
function collectTouched(page, event, touched) {
  const ranges = event.getTargetRanges ? event.getTargetRanges() : [];
  const selection = window.getSelection();
  const nodes = [];
  if (selection.rangeCount) {
    nodes.push(selection.anchorNode, selection.focusNode);
  }
  ranges.forEach((range) => nodes.push(range.startContainer, range.endContainer));
  nodes.forEach((node) => {
    let element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    while (element && element !== page.annotated) {
      if (element.matches("mark.issue")) {
        touched.add(Number(element.getAttribute("data-issue")));
      }
      element = element.parentElement;
    }
  });
  ranges.forEach((staticRange) => {
    const range = document.createRange();
    range.setStart(staticRange.startContainer, staticRange.startOffset);
    range.setEnd(staticRange.endContainer, staticRange.endOffset);
    page.annotated.querySelectorAll("mark.issue").forEach((mark) => {
      if (range.intersectsNode(mark)) {
        touched.add(Number(mark.getAttribute("data-issue")));
      }
    });
  });
}

function edited(page, card, state) {
  card.close(false);
  const caret = caretOffsets(page.annotated);
  state.touched.forEach((index) => {
    marksOf(page, index).forEach((mark) => mark.replaceWith(...mark.childNodes));
    if (page.findings[index]) {
      page.findings[index].state = "edited";
    }
  });
  state.touched.clear();
  if (caret) {
    page.annotated.normalize();
    placeCaret(page.annotated, caret);
  }
  page.diverged = true;
  hideUndoAll();
  const text = editorText(page);
  page.textarea.value = text;
  page.textarea.dispatchEvent(new Event("input")); // the draft is kept, the counter follows
  refreshStates(page);
  state.recheckSoon();
}

function hideUndoAll() {
  const undoAll = document.getElementById("apply-all-undo");
  if (undoAll) {
    undoAll.hidden = true;
  }
}

async function recheck(page, card, state, hooks) {
  const text = editorText(page);
  if (!text.trim()) {
    return;
  }
  if (state.controller) {
    state.controller.abort();
  }
  const controller = new AbortController();
  state.controller = controller;
  const body = new FormData(page.textarea.form);
  body.set("text", text);
  body.delete("file"); // the text being edited is checked, not a file chosen meanwhile
  showChecking(page, true);
  const healthTimer = window.setTimeout(() => reportEngineTrouble(controller), HEALTH_AFTER_MS);
  try {
    const response = await fetch(page.textarea.form.action, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller.signal,
    });
    const answer = await response.json();
    if (!response.ok) {
      say(answer.error.message);
      return;
    }
    if (editorText(page) !== answer.text) {
      return; // typed meanwhile: that typing asks again
    }
    hooks.beforeRebuild();
    rebuild(page, answer);
    hooks.afterRebuild();
  } catch (error) {
    if (error.name !== "AbortError") {
      say("Die Prüfung ist gerade nicht erreichbar. Ihr Text ist erhalten; er wird beim nächsten Tippen neu geprüft.");
    }
  } finally {
    window.clearTimeout(healthTimer);
    if (state.controller === controller) {
      state.controller = null;
      showChecking(page, false);
    }
  }
}

async function reportEngineTrouble(controller) {
  const busy = document.getElementById("busy");
  let answer = null;
  try {
    answer = await fetch(busy.getAttribute("data-health"), { cache: "no-store" });
  } catch (error) {
    answer = null;
  }
  if (answer && answer.status === 503 && !controller.signal.aborted) {
    say("Die Prüfung antwortet gerade nicht – LanguageTool startet vielleicht neu. Ihr Text ist erhalten; " +
      "die Markierungen kommen, sobald sie wieder antwortet.");
  }
}

function showChecking(page, checking) {
  page.annotated.setAttribute("aria-busy", checking ? "true" : "false");
  const label = document.getElementById("live-state");
  if (label) {
    label.hidden = !checking;
  }
}

// The answer's marks, list and findings in place of the old ones.
function rebuild(page, answer) {
  const editor = page.annotated;
  const caret = document.activeElement === editor ? caretOffsets(editor) : null;
  const scroll = [window.scrollX, window.scrollY];
  editor.innerHTML = answer.annotated;
  document.getElementById("findings-panel").innerHTML = answer.findings;
  page.findings = initFindings(answer.report.issues);
  page.original = Array.from(answer.text);
  page.lastCorrected = answer.text;
  page.diverged = false;
  revealScriptControls(page);
  keepMarksOutOfTabOrder(editor);
  if (caret) {
    placeCaret(editor, caret);
  }
  window.scrollTo(scroll[0], scroll[1]);
  refreshStates(page);
}

// The selection as UTF-16 offsets into the editor's text, or null when it is elsewhere.
function caretOffsets(editor) {
  const selection = window.getSelection();
  if (!selection.rangeCount || !editor.contains(selection.anchorNode)) {
    return null;
  }
  const range = selection.getRangeAt(0);
  const before = document.createRange();
  before.selectNodeContents(editor);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  before.setEnd(range.endContainer, range.endOffset);
  return { start: start, end: before.toString().length };
}

function placeCaret(editor, offsets) {
  const range = document.createRange();
  range.setStart(...pointAt(editor, offsets.start));
  range.setEnd(...pointAt(editor, offsets.end));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

function pointAt(editor, offset) {
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last = null;
  while (walker.nextNode()) {
    last = walker.currentNode;
    if (remaining <= last.length) {
      return [last, remaining];
    }
    remaining -= last.length;
  }
  return last ? [last, last.length] : [editor, editor.childNodes.length];
}
