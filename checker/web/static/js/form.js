/* The check form (on the start page, on error pages and under every result): a character
 * counter against the server's limit, and the draft kept in the browser. */

import { keepDraftSaved, restoreDraft } from "./draft.js";
import { offerLastDraft, wantsNewText } from "./upload.js";
import { codePointLength, germanNumber } from "./text.js";

export function setupForm() {
  const textarea = document.getElementById("text");
  if (!textarea) {
    return;
  }
  const counter = document.getElementById("char-count");
  const limit = Number(textarea.getAttribute("data-max-length")) || 0;
  const updateCounter = () => showLength(counter, textarea.value, limit);

  textarea.addEventListener("input", updateCounter);
  keepDraftSaved(textarea);
  const note = document.getElementById("draft-note");
  if (wantsNewText() && !textarea.value.trim()) {
    offerLastDraft(textarea, note, updateCounter);
  } else {
    restoreDraft(textarea, note, updateCounter);
  }
  updateCounter();
}

function showLength(counter, text, limit) {
  if (!counter) {
    return;
  }
  const length = codePointLength(text);
  const over = Boolean(limit && length > limit);
  counter.textContent = germanNumber(length) + " Zeichen" +
    (over ? " – zu lang, höchstens " + germanNumber(limit) : "");
  counter.classList.toggle("is-over", over);
}
