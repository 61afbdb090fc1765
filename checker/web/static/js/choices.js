/* The editor's choices that last in this browser (localStorage): findings ignored (by rule and
 * words, so that they stay ignored after a re-check), rules switched off, and the accepted names
 * (names.js). Listed in the side panel, each with a button that takes it back. */

import { acceptedNames, forgetName, isAboutAName } from "./names.js";

const KEY = "wirecheck.choices.v1";

function load() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) || "null");
    return {
      findings: Array.isArray(stored && stored.findings) ? stored.findings : [],
      rules: Array.isArray(stored && stored.rules) ? stored.rules : [],
    };
  } catch (error) {
    return { findings: [], rules: [] };
  }
}

function save(choices) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(choices));
  } catch (error) {
    // storage off or full: the choice holds for this page only
  }
}

// A rule's id without LanguageTool's sub-rule number ("DE_AGREEMENT[2]" is DE_AGREEMENT).
export function ruleOf(finding) {
  return finding.rule.split("[")[0];
}

function sameFinding(choice, finding) {
  return choice.rule === ruleOf(finding) && choice.text === finding.text;
}

export function ignoredByRule(finding) {
  return load().rules.some((choice) => choice.rule === ruleOf(finding));
}

export function ignoreFinding(finding) {
  const choices = load();
  if (!choices.findings.some((choice) => sameFinding(choice, finding))) {
    choices.findings.push({ rule: ruleOf(finding), text: finding.text, message: finding.message });
  }
  save(choices);
}

export function ignoreRule(finding, label) {
  const choices = load();
  if (!choices.rules.some((choice) => choice.rule === ruleOf(finding))) {
    choices.rules.push({ rule: ruleOf(finding), label: label });
  }
  save(choices);
}

// Takes back whatever ignores `finding`: its own choice, or its rule's.
export function showFindingAgain(finding) {
  const choices = load();
  choices.findings = choices.findings.filter((choice) => !sameFinding(choice, finding));
  choices.rules = choices.rules.filter((choice) => choice.rule !== ruleOf(finding));
  save(choices);
}

// Open findings the lasting choices ignore become ignored; ignored ones no choice holds reopen.
export function applyChoices(page) {
  const choices = load();
  const names = acceptedNames();
  page.findings.forEach((finding) => {
    const chosen = choices.rules.some((choice) => choice.rule === ruleOf(finding)) ||
      choices.findings.some((choice) => sameFinding(choice, finding)) ||
      (isAboutAName(finding) && names.includes(finding.text));
    if (chosen && finding.state === "open") {
      finding.state = "ignored";
    } else if (!chosen && finding.state === "ignored") {
      finding.state = "open";
    }
  });
}

/* Lists the choices in the side panel (#choices). `onChange(kind)` runs after one is taken back:
 * kind "name" when a name was (what the next check finds changes), else "ignore". */
export function showChoices(onChange) {
  const container = document.getElementById("choices");
  if (!container) {
    return;
  }
  const choices = load();
  const names = acceptedNames();
  const list = document.getElementById("choices-list");
  list.textContent = "";
  choices.findings.forEach((choice) => {
    list.appendChild(item("Ignoriert: „" + choice.text + "“", choice.message || choice.rule, () => {
      const stored = load();
      stored.findings = stored.findings.filter((other) => !(other.rule === choice.rule && other.text === choice.text));
      save(stored);
      onChange("ignore");
    }));
  });
  choices.rules.forEach((choice) => {
    list.appendChild(item("Regel aus: " + choice.label, choice.rule, () => {
      const stored = load();
      stored.rules = stored.rules.filter((other) => other.rule !== choice.rule);
      save(stored);
      onChange("ignore");
    }));
  });
  names.forEach((name) => {
    list.appendChild(item("Name: „" + name + "“", "gilt als bekannter Name", () => {
      forgetName(name);
      onChange("name");
    }));
  });
  container.hidden = list.childElementCount === 0;
}

function item(label, detail, takeBack) {
  const entry = document.createElement("li");
  entry.className = "choice";
  const text = document.createElement("span");
  text.className = "choice-label";
  text.textContent = label;
  text.title = detail;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button-quiet choice-undo";
  button.textContent = "Zurücknehmen";
  button.setAttribute("aria-label", "Zurücknehmen: " + label);
  button.addEventListener("click", takeBack);
  entry.append(text, button);
  return entry;
}
