/* Applying and undoing suggestions, one at a time or all unambiguous ones at once. The marks
 * in the checked text show the corrected text, and the draft in the form follows it – until the
 * editor types: then fixes stop until the text is checked again (editor.js).
 */

import { saveDraft } from "./draft.js";
import { refreshStates } from "./panel.js";
import { marksOf, say } from "./result-page.js";

const originalNodes = new WeakMap(); // finding -> the child nodes of its marks before the fix

// The checked text with every applied fix, as written into the text.
export function correctedText(page) {
  const pieces = [];
  let position = 0;
  page.findings
    .filter((finding) => finding.state === "applied")
    .sort((a, b) => a.offset - b.offset)
    .forEach((finding) => {
      pieces.push(page.original.slice(position, finding.offset).join(""), finding.appliedSource);
      position = finding.offset + finding.length;
    });
  pieces.push(page.original.slice(position).join(""));
  return pieces.join("");
}

function syncDraft(page) {
  page.lastCorrected = correctedText(page);
  if (!page.diverged) {
    page.textarea.value = page.lastCorrected;
    page.textarea.dispatchEvent(new Event("input"));
    saveDraft(page.lastCorrected);
  }
}

// `choice` is the position of the suggestion among the finding's replacements.
export function applySuggestion(page, index, choice) {
  const finding = page.findings[index];
  if (page.diverged || finding.state !== "open") {
    return false;
  }
  const source = finding.fixes ? finding.fixes[choice] : finding.replacements[choice];
  const marks = marksOf(page, index);
  originalNodes.set(finding, Array.from(marks, (mark) => Array.from(mark.childNodes)));
  marks.forEach((mark, position) => {
    mark.textContent = position === 0 ? source : "";
  });
  finding.state = "applied";
  finding.applied = finding.replacements[choice];
  finding.appliedSource = source;
  refreshStates(page);
  syncDraft(page);
  return true;
}

export function undoSuggestion(page, index) {
  const finding = page.findings[index];
  if (page.diverged || finding.state !== "applied") {
    return;
  }
  const saved = originalNodes.get(finding);
  marksOf(page, index).forEach((mark, position) => {
    mark.textContent = "";
    (saved[position] || []).forEach((node) => mark.appendChild(node));
  });
  finding.state = "open";
  finding.applied = null;
  finding.appliedSource = null;
  refreshStates(page);
  syncDraft(page);
}

export function appliedMessage(finding) {
  return finding.applied === "" ? "„" + finding.text + "“ entfernt." :
    "„" + finding.text + "“ → „" + finding.applied + "“ übernommen.";
}

// What "apply all" held back and why, in one sentence ("" when nothing was).
export function heldBackSummary(page) {
  const reasons = {};
  page.findings.forEach((finding) => {
    if (finding.state === "open" && finding.held_back) {
      reasons[finding.held_back] = (reasons[finding.held_back] || 0) + 1;
    }
  });
  const parts = Object.keys(reasons).map((reason) => reasons[reason] + "× " + reason);
  return parts.length ? " Zurückgehalten: " + parts.join(", ") + "." : "";
}

// "Apply all": every open finding whose fix a second check verified; then `closeCard()`.
// "Alle zurücknehmen" takes the whole batch back, until the text is edited or checked again.
export function setupApplyAll(page, closeCard) {
  const undoAll = document.getElementById("apply-all-undo");
  let batch = [];
  document.getElementById("apply-all").addEventListener("click", () => {
    batch = [];
    page.findings.forEach((finding, index) => {
      if (finding.state === "open" && finding.verified && applySuggestion(page, index, 0)) {
        batch.push(index);
      }
    });
    closeCard();
    const count = batch.length;
    undoAll.hidden = count === 0;
    say((count === 1 ? "1 Vorschlag übernommen." : count + " Vorschläge übernommen.") + heldBackSummary(page));
  });
  undoAll.addEventListener("click", () => {
    const taken = batch.filter((index) => page.findings[index] && page.findings[index].state === "applied");
    taken.slice().reverse().forEach((index) => undoSuggestion(page, index));
    batch = [];
    undoAll.hidden = true;
    closeCard();
    say(taken.length === 1 ? "1 Vorschlag zurückgenommen." : taken.length + " Vorschläge zurückgenommen.");
    document.getElementById("apply-all").focus();
  });
}

// Calls `onDivergedChange()` when the editor's typing makes the draft differ from the
// corrected text, or brings it back to it. Our own updates of the draft are not typing.
export function watchDraftEdits(page, onDivergedChange) {
  page.textarea.addEventListener("input", (event) => {
    if (!event.isTrusted) {
      return;
    }
    const changed = page.textarea.value !== page.lastCorrected;
    if (changed !== page.diverged) {
      page.diverged = changed;
      onDivergedChange();
    }
  });
}
