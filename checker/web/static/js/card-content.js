/* What the finding card says: the kind, the flagged words and the message, the suggestions as
 * buttons (or what became of them), the rule, the other findings on the same words, and the
 * actions that fit the finding's state. */

import { ignoredByRule } from "./choices.js";
import { isAboutAName } from "./names.js";
import { overlaps } from "./text.js";

const MAX_SUGGESTIONS = 8;

function byId(id) {
  return document.getElementById(id);
}

/* Fills the card for finding `index`. `actions.choose(choice)` takes a suggestion,
 * `actions.showOther(otherIndex)` opens the card of another finding on the same words. */
export function fillCard(page, index, actions) {
  const finding = page.findings[index];
  fillHeading(page, finding);
  fillSuggestions(page, finding, actions.choose);
  fillRule(finding);
  fillOthers(page, index, actions.showOther);
  fillActions(page, finding);
  fillSteps(page, index);
}

function fillSteps(page, index) {
  byId("card-position").textContent = (index + 1) + " von " + page.findings.length;
  byId("card-prev").disabled = index === 0;
  byId("card-next").disabled = index === page.findings.length - 1;
}

function fillHeading(page, finding) {
  byId("card").className = "card kind-" + finding.kind;
  const kind = byId("card-kind");
  kind.className = "card-kind kind-" + finding.kind;
  kind.textContent = page.kinds[finding.kind] || finding.kind;
  byId("card-title").textContent = "„" + finding.text + "“";
  byId("card-message").textContent = finding.message;
}

function fillSuggestions(page, finding, choose) {
  const suggestions = byId("card-suggestions");
  suggestions.textContent = "";
  if (finding.state === "applied") {
    suggestions.appendChild(remark(finding.applied === "" ? "Entfernt." : "Übernommen: „" + finding.applied + "“"));
  } else if (finding.replacements.length === 0) {
    suggestions.appendChild(remark("Kein Vorschlag – bitte selbst entscheiden."));
  } else if (finding.fixes.length === 0) {
    // The words hold markup of the file (a tag, a comment): taking the suggestion would remove it.
    suggestions.appendChild(remark("Vorschlag: „" + finding.replacements.join("“, „") +
      "“ – bitte von Hand übernehmen: die Stelle enthält Auszeichnung der Datei."));
  } else {
    finding.replacements.slice(0, MAX_SUGGESTIONS).forEach((replacement, choice) => {
      const button = suggestionButton(finding, replacement);
      button.disabled = page.diverged || finding.state !== "open";
      button.addEventListener("click", () => choose(choice));
      suggestions.appendChild(button);
    });
  }
  if (page.diverged && finding.state === "open") {
    suggestions.appendChild(remark("Der Text wurde geändert: die Vorschläge gelten wieder, sobald er neu geprüft ist."));
  }
  if (finding.state === "stale") {
    suggestions.appendChild(remark("Überholt: eine übernommene Korrektur hat diese Stelle schon geändert."));
  }
}

function remark(text) {
  const paragraph = document.createElement("p");
  paragraph.className = "none";
  paragraph.textContent = text;
  return paragraph;
}

function suggestionButton(finding, replacement) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = replacement === "" ? "suggestion is-deletion" : "suggestion";
  button.textContent = replacement === "" ? "entfernen" : replacement;
  button.title = replacement === "" ? "„" + finding.text + "“ entfernen" :
    "„" + finding.text + "“ durch „" + replacement + "“ ersetzen";
  return button;
}

function fillRule(finding) {
  const rule = byId("card-rule");
  rule.textContent = finding.explanation;
  rule.title = finding.rule;
  const link = byId("card-link");
  if (finding.url) {
    link.href = finding.url;
    link.hidden = false;
  } else {
    link.hidden = true;
    link.removeAttribute("href");
  }
}

function fillOthers(page, index, showOther) {
  const finding = page.findings[index];
  const others = page.findings
    .map((other, otherIndex) => otherIndex)
    // Findings about a whole sentence are no "other finding at this place".
    .filter((otherIndex) => otherIndex !== index && finding.scope === "span" &&
      page.findings[otherIndex].scope === "span" && overlaps(page.findings[otherIndex], finding));
  const container = byId("card-others");
  container.textContent = "";
  if (others.length) {
    container.appendChild(document.createTextNode("Auch an dieser Stelle: "));
    others.forEach((otherIndex) => {
      const other = page.findings[otherIndex];
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = (page.kinds[other.kind] || "") + ": „" + other.text + "“";
      button.addEventListener("click", () => showOther(otherIndex));
      container.appendChild(button);
    });
  }
  container.hidden = others.length === 0;
}

function fillActions(page, finding) {
  const ignore = byId("card-ignore");
  ignore.textContent = finding.state !== "ignored" ? "Ignorieren" :
    ignoredByRule(finding) ? "Regel wieder einschalten" : "Wieder anzeigen";
  ignore.hidden = finding.state === "applied" || finding.state === "stale";
  byId("card-ignore-rule").hidden = finding.state !== "open";
  const undo = byId("card-undo");
  undo.hidden = finding.state !== "applied";
  undo.disabled = page.diverged;
  const acceptName = byId("card-accept-name");
  acceptName.hidden = !isAboutAName(finding) || finding.state !== "open";
  acceptName.title = "„" + finding.text + "“ gilt in diesem Browser als bekannter Name";
}
