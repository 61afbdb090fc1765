/* The editor's draft, kept in the browser (localStorage) so that a closed tab or a text too
 * large for the server loses nothing. The server still gives the draft back in every answer;
 * this copy is the fallback. */

import { codePointLength, germanNumber } from "./text.js";

const STORAGE_KEY = "wirecheck.draft.v1";
const SAVE_DELAY_MS = 300;

export function loadDraft() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
    return stored && typeof stored.text === "string" ? stored : null;
  } catch (error) {
    return null;
  }
}

export function saveDraft(text) {
  try {
    if (text.trim()) {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ text: text, saved: Date.now() }));
    }
  } catch (error) {
    // Storage full or disabled: the server still has the draft in every answer.
  }
}

export function forgetDraft() {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch (error) {
    // Nothing to forget.
  }
}

// Typing is saved after a pause; sending the form or leaving the page saves at once.
export function keepDraftSaved(textarea) {
  let timer = null;
  const save = () => saveDraft(textarea.value);
  textarea.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, SAVE_DELAY_MS);
  });
  textarea.form.addEventListener("submit", save);
  window.addEventListener("pagehide", save);
}

/* Offers the draft the browser kept: into an empty field at once (with a button to clear it),
 * or, when the server could not take the whole text, with a button to put the whole text back.
 * `onChange` runs whenever this changes the field. */
export function restoreDraft(textarea, note, onChange) {
  const stored = loadDraft();
  const incomplete = textarea.hasAttribute("data-draft-incomplete");
  if (stored && !textarea.value.trim() && !incomplete) {
    textarea.value = stored.text;
    showNote(note, "Ihr letzter Text vom " + formatTime(stored.saved) + " ist wiederhergestellt.", "Feld leeren",
      () => {
        textarea.value = "";
        forgetDraft();
        note.hidden = true;
        onChange();
        textarea.focus();
      });
  } else if (stored && incomplete && stored.text.length > textarea.value.length) {
    showNote(note, "Ihr Browser hat den vollständigen Text gespeichert (" +
      germanNumber(codePointLength(stored.text)) + " Zeichen).", "Vollständigen Text einsetzen", () => {
      textarea.value = stored.text;
      note.hidden = true;
      onChange();
    });
  } else if (textarea.value.trim()) {
    saveDraft(textarea.value);
  }
}

function showNote(note, message, buttonLabel, onClick) {
  note.textContent = message;
  if (buttonLabel) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button-quiet";
    button.textContent = buttonLabel;
    button.addEventListener("click", onClick);
    note.appendChild(button);
  }
  note.hidden = false;
}

function formatTime(millis) {
  const date = new Date(millis);
  return date.toLocaleDateString("de-DE", { day: "numeric", month: "numeric" }) + ", " +
    date.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" }) + " Uhr";
}
