/* Files and the typed draft. A chosen file replaces the text field's content when the form is
 * sent; the server keeps the typed text aside in the form (check/_file_fields.html), and this
 * puts it back into the field on request, the file's text taking its place aside, so nothing is
 * lost either way (draft.js saves the typed text in the browser as the form is sent, too).
 * "Neuer Text" (/?neu) opens an empty form, with the last draft one click away. */

import { loadDraft, saveDraft } from "./draft.js";

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

/* On "Neuer Text": the field stays empty; the last draft is offered, not put in. */
export function offerLastDraft(textarea, note, onChange) {
  const stored = loadDraft();
  if (!stored || !stored.text.trim()) {
    return;
  }
  note.textContent = "Neues, leeres Feld. Ihr letzter Text ist noch gespeichert.";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button-quiet";
  button.textContent = "Letzten Text wieder einsetzen";
  button.addEventListener("click", () => {
    textarea.value = stored.text;
    note.hidden = true;
    onChange();
    textarea.focus();
  });
  note.appendChild(button);
  note.hidden = false;
}
