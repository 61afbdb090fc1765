/* Files and the typed draft. A chosen file replaces the text field's content when the form is
 * sent; the server keeps the typed text aside in the form (check/_file_fields.html), and this
 * puts it back into the field on request, the file's text taking its place aside, so nothing is
 * lost either way. The browser keeps a copy of the text set aside too, so that "Neuer Text"
 * (/?neu), which opens an empty form, offers it beside the last draft. */

import { loadDraft, saveDraft } from "./draft.js";

const SET_ASIDE_KEY = "wirecheck.set-aside.v1";

// Whether this page was opened for a new, empty text ("Neuer Text").
export function wantsNewText() {
  return new URLSearchParams(window.location.search).has("neu");
}

export function setupUploads() {
  const textarea = document.getElementById("text");
  if (!textarea) {
    return;
  }
  offerSetAsideText(textarea);
}

function offerSetAsideText(textarea) {
  const button = document.getElementById("restore-set-aside");
  const aside = document.getElementById("set-aside-text");
  if (!button || !aside) {
    return;
  }
  keepSetAside(aside.value);
  button.hidden = false;
  button.addEventListener("click", () => {
    const typed = aside.value;
    aside.value = textarea.value;
    textarea.value = typed;
    // The field holds typed text now, not the file: its name and kind no longer apply, nor
    // does the download as that file.
    ["filename", "encoding", "office", "headings"].forEach((name) => {
      const field = textarea.form.elements.namedItem(name);
      if (field) {
        field.remove();
      }
    });
    const download = document.getElementById("download");
    if (download) {
      download.hidden = true;
    }
    saveDraft(typed);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.focus();
  });
}

function keepSetAside(text) {
  try {
    window.localStorage.setItem(SET_ASIDE_KEY, JSON.stringify({ text: text, saved: Date.now() }));
  } catch (error) {
    // Storage full or disabled: the page itself still holds the text.
  }
}

function loadSetAside() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(SET_ASIDE_KEY) || "null");
    return stored && typeof stored.text === "string" && stored.text.trim() ? stored.text : null;
  } catch (error) {
    return null;
  }
}

/* On "Neuer Text": the field stays empty; the last draft, and the typed text a file last
 * replaced (or the text the page last kept aside), are offered, not put in. */
export function offerLastDraft(textarea, note, onChange) {
  const stored = loadDraft();
  const lastDraft = stored && stored.text.trim() ? stored.text : null;
  const setAside = loadSetAside();
  const offers = [];
  if (lastDraft) {
    offers.push(["Letzten Text wieder einsetzen", lastDraft]);
  }
  if (setAside && setAside !== lastDraft) {
    offers.push(["Zur Seite gelegten Text wieder einsetzen", setAside]);
  }
  if (!offers.length) {
    return;
  }
  note.textContent = "Neues, leeres Feld. Ihre letzten Texte sind noch gespeichert.";
  offers.forEach(([label, text]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button-quiet";
    button.textContent = label;
    button.addEventListener("click", () => {
      textarea.value = text;
      note.hidden = true;
      onChange();
      textarea.focus();
    });
    note.appendChild(button);
  });
  note.hidden = false;
}
