/* What opens, closes and acts on the finding card (card.js): a click on a finding, keyboard
 * focus on it, Enter or Space (which also moves the focus into the card), Esc anywhere, the
 * close button, a click elsewhere, the focus leaving the card, a resized window; and the card's
 * "Ignorieren", "Regel ausschalten", "Rückgängig" and the steps to the next or previous finding. */

import { applyChoices, ignoredByRule, ignoreFinding, ignoreRule, showFindingAgain } from "./choices.js";
import { undoSuggestion } from "./fixes.js";
import { refreshStates } from "./panel.js";
import { indexOfMark, primaryMarkOf, say } from "./result-page.js";
import { acceptName } from "./names.js";

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
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && card.current !== null) {
      // The focus goes back to the finding only from the card or the text, not from elsewhere.
      const active = document.activeElement;
      card.close(card.element.contains(active) || card.page.annotated.contains(active));
    }
  });
  card.element.addEventListener("focusout", (event) => {
    // Tabbing out of the card closes it; a button that rebuilt the card leaves no new target.
    const next = event.relatedTarget;
    if (next && !card.element.contains(next) && !next.closest("mark.issue")) {
      card.close(false);
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
    if (finding.state === "ignored") {
      showFindingAgain(finding);
    } else {
      ignoreFinding(finding);
    }
    applyChoices(page);
    page.choicesChanged();
    say(finding.state === "ignored" ? "Hinweis zu „" + finding.text + "“ ignoriert, auch bei den nächsten Prüfungen." :
      "Hinweis wieder aktiv.");
    card.open(index, primaryMarkOf(index), false);
  });
  document.getElementById("card-ignore-rule").addEventListener("click", () => {
    const index = card.current;
    const finding = page.findings[index];
    ignoreRule(finding, (page.kinds[finding.kind] || "") + ": " + finding.message);
    applyChoices(page);
    page.choicesChanged();
    const count = page.findings.filter((other) => other.state === "ignored" && ignoredByRule(other)).length;
    say("Regel ausgeschaltet: " + (count === 1 ? "1 Hinweis" : count + " Hinweise") +
      " ausgeblendet, auch bei den nächsten Prüfungen.");
    card.open(index, primaryMarkOf(index), false);
  });
  document.getElementById("card-prev").addEventListener("click", () => card.step(-1));
  document.getElementById("card-next").addEventListener("click", () => card.step(1));
  document.getElementById("card-accept-name").addEventListener("click", () => {
    const index = card.current;
    const name = page.findings[index].text;
    acceptName(name);
    applyChoices(page);
    page.choicesChanged();
    say("„" + name + "“ gilt in diesem Browser als Name; die nächste Prüfung kennt ihn.");
    card.open(index, primaryMarkOf(index), false);
  });
  document.getElementById("card-undo").addEventListener("click", () => {
    const index = card.current;
    undoSuggestion(page, index);
    say("Korrektur zurückgenommen.");
    card.open(index, primaryMarkOf(index), true);
  });
}
