/* The side panel and the states it shows: each finding's state on its marks and in the list,
 * the open findings counted by kind, the "apply all" button's count, the note that the draft
 * was changed by hand; choosing a finding in the list; copying the corrected text. */

import { listItemOf, marksOf, primaryMarkOf, say } from "./result-page.js";
import { overlaps } from "./text.js";

const STATE_LABELS = { applied: "übernommen", ignored: "ignoriert", stale: "überholt", edited: "geändert" };
const COPIED = "Korrigierter Text in der Zwischenablage.";

export function refreshStates(page) {
  markStaleFindings(page.findings);
  page.findings.forEach((finding, index) => {
    showStateOnMarks(page, finding, index);
    showStateInList(finding, index);
  });
  showOpenCounts(page);
  showApplyAllCount(page);
  // Typing in the editable text is checked again by itself (editor.js): no note to announce each time.
  document.getElementById("diverged-note").hidden = !page.diverged || page.annotated.isContentEditable;
}

// A finding whose text an applied fix has changed is stale; undoing that fix reopens it.
function markStaleFindings(findings) {
  findings.forEach((finding, index) => {
    if (finding.state === "stale" || finding.state === "open") {
      const blocked = findings.some((other, otherIndex) =>
        otherIndex !== index && other.state === "applied" && overlaps(finding, other));
      finding.state = blocked ? "stale" : "open";
    }
  });
}

function showStateOnMarks(page, finding, index) {
  marksOf(page, index).forEach((mark) => {
    mark.classList.toggle("is-applied", finding.state === "applied");
    mark.classList.toggle("is-ignored", finding.state === "ignored");
    mark.classList.toggle("is-stale", finding.state === "stale");
  });
}

function showStateInList(finding, index) {
  const item = listItemOf(index);
  if (!item) {
    return;
  }
  const label = STATE_LABELS[finding.state] || "";
  const stateElement = item.querySelector(".finding-state");
  stateElement.textContent = label;
  stateElement.hidden = !label;
  item.classList.toggle("is-done", finding.state !== "open");
}

function showOpenCounts(page) {
  const open = {};
  Object.keys(page.kinds).forEach((kind) => { open[kind] = 0; });
  page.findings.forEach((finding) => {
    if (finding.state === "open") {
      open[finding.kind] += 1;
    }
  });
  document.querySelectorAll("[data-kind-count]").forEach((element) => {
    const count = open[element.getAttribute("data-kind-count")] || 0;
    element.textContent = count;
    element.parentElement.classList.toggle("is-zero", count === 0);
  });
}

function showApplyAllCount(page) {
  const verified = page.findings.filter((finding) => finding.state === "open" && finding.verified).length;
  const button = document.getElementById("apply-all");
  button.textContent = "Geprüfte Vorschläge übernehmen (" + verified + ")";
  button.disabled = page.diverged || verified === 0;
  button.title = "Übernimmt die Vorschläge, die eine zweite Prüfung bestanden haben: " +
    "jeder beseitigt seinen Fehler und macht keinen neuen.";
}

// Marks a finding's list item as the one whose card is open, scrolled into the list's view.
export function showActiveItem(index) {
  const item = listItemOf(index);
  if (!item) {
    return;
  }
  item.classList.add("is-active");
  const list = item.parentElement;
  if (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight) {
    list.scrollTop = item.offsetTop - list.offsetTop - 8;
  }
}

// Choosing a finding in the list (also one a re-check put there) scrolls to its mark and calls
// `openCard(index, mark)`.
export function setupFindingLinks(openCard) {
  document.addEventListener("click", (event) => {
    const link = event.target.closest(".finding-link");
    if (!link) {
      return;
    }
    event.preventDefault();
    const index = Number(link.parentElement.getAttribute("data-issue"));
    const mark = primaryMarkOf(index);
    if (!mark) {
      return; // its words were typed over; the re-check decides what is found there
    }
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.focus({ preventScroll: true });
    openCard(index, mark);
  });
}

// Copies the draft (the corrected text) to the clipboard, or selects it for Ctrl+C.
export function setupCopyButton(page) {
  document.getElementById("copy-text").addEventListener("click", () => {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(page.textarea.value).then(() => say(COPIED), () => copyBySelecting(page.textarea));
    } else {
      copyBySelecting(page.textarea);
    }
  });
}

function copyBySelecting(textarea) {
  textarea.focus();
  textarea.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch (error) {
    ok = false;
  }
  say(ok ? COPIED : "Kopieren ging nicht – der Text ist markiert, bitte Strg+C drücken.");
}
