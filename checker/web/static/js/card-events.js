/* What opens, closes and acts on the finding card (card.js): a click on a finding, keyboard
 * focus on it, Enter or Space (which also moves the focus into the card), Esc, the close
 * button, a click elsewhere, a resized window; and the card's "Ignorieren" and "Rückgängig". */

import { undoSuggestion } from "./fixes.js";
import { refreshStates } from "./panel.js";
import { indexOfMark, primaryMarkOf, say } from "./result-page.js";
import { acceptName } from "./names.js";
import { isAboutAName } from "./card-content.js";

export function listenToMarks(card) {
  const annotated = card.page.annotated;
  annotated.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.issue");
    if (mark) {
      card.open(indexOfMark(mark), mark, false);
    }
  });
  annotated.addEventListener("focusin", (event) => {
    const mark = event.target.closest("mark.issue");
    if (mark && !card.quietFocus && indexOfMark(mark) !== card.current) {
      card.open(indexOfMark(mark), mark, false);
    }
  });
  annotated.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark.issue");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      card.open(indexOfMark(mark), mark, true);
    } else if (event.key === "Escape") {
      card.close(true);
    }
  });
}

export function listenForClosing(card) {
  card.element.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      card.close(true);
    }
  });
  document.getElementById("card-close").addEventListener("click", () => card.close(true));
  document.addEventListener("click", (event) => {
    // A card button that rebuilt the card is no longer in the document: not a click outside.
    if (!event.target.isConnected) {
      return;
    }
    if (card.current !== null && !card.element.contains(event.target) &&
      !event.target.closest("mark.issue, .finding-link")) {
      card.close(false);
    }
  });
  window.addEventListener("resize", () => {
    if (card.current !== null) {
      card.place();
    }
  });
}

export function listenToCardButtons(card) {
  const page = card.page;
  document.getElementById("card-ignore").addEventListener("click", () => {
    const index = card.current;
    const finding = page.findings[index];
    finding.state = finding.state === "ignored" ? "open" : "ignored";
    refreshStates(page);
    say(finding.state === "ignored" ? "Hinweis zu „" + finding.text + "“ ignoriert." : "Hinweis wieder aktiv.");
    card.open(index, primaryMarkOf(index), false);
  });
  document.getElementById("card-accept-name").addEventListener("click", () => {
    const index = card.current;
    const name = page.findings[index].text;
    acceptName(name);
    page.findings.forEach((finding) => {
      if (isAboutAName(finding) && finding.text === name && finding.state === "open") {
        finding.state = "ignored";
      }
    });
    refreshStates(page);
    say("„" + name + "“ gilt in dieser Sitzung als Name; die nächste Prüfung kennt ihn.");
    card.open(index, primaryMarkOf(index), false);
  });
  document.getElementById("card-undo").addEventListener("click", () => {
    const index = card.current;
    undoSuggestion(page, index);
    say("Korrektur zurückgenommen.");
    card.open(index, primaryMarkOf(index), true);
  });
}
