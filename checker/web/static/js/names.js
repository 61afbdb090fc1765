/* Names the editor accepts: kept in this browser (localStorage, so that they outlast the tab;
 * sessionStorage as before for the tab) and sent with every check in the form's hidden "names"
 * field, so the names dictionary knows them at once; and, where the server's names dictionary
 * answers, added to it (as proposed or accepted, as the server is set up), so that the next editor
 * and the command line know them too. */

const KEY = "wirecheck.sessionNames";
const LASTING_KEY = "wirecheck.acceptedNames.v1";
// Characters of the checked text on each side of the name, sent as where it was seen.
const SNIPPET_CONTEXT = 60;

function namesIn(storage, key) {
  try {
    const names = JSON.parse(storage.getItem(key) || "[]");
    return Array.isArray(names) ? names.filter((name) => typeof name === "string") : [];
  } catch (error) {
    return []; // storage off or unreadable: the names then live in the form field alone
  }
}

function storedNames() {
  return namesIn(window.sessionStorage, KEY).concat(namesIn(window.localStorage, LASTING_KEY));
}

function namesField() {
  return document.getElementById("session-names");
}

function fieldNames() {
  const field = namesField();
  return field ? field.value.split("\n").filter((name) => name.trim() !== "") : [];
}

function writeNames(names) {
  const unique = Array.from(new Set(names));
  const field = namesField();
  if (field) {
    field.value = unique.join("\n");
  }
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(unique));
    window.localStorage.setItem(LASTING_KEY, JSON.stringify(unique));
  } catch (error) {
    // storage off: the form field still carries them with the next check
  }
}

// On every page with the form: the field holds the names the server used and those kept here.
export function setupSessionNames() {
  writeNames(fieldNames().concat(storedNames()));
}

function snippetAround(name) {
  const checked = document.getElementById("annotated");
  const text = checked ? checked.textContent : "";
  const at = text.indexOf(name);
  if (at < 0) {
    return "";
  }
  return text.slice(Math.max(0, at - SNIPPET_CONTEXT), at + name.length + SNIPPET_CONTEXT).replace(/\s+/g, " ").trim();
}

function tell(message) {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = (status.textContent + " " + message).trim();
  }
}

const OUTCOMES = {
  accepted: "Er steht jetzt im Namensverzeichnis und gilt für alle.",
  proposed: "Er ist für das Namensverzeichnis vorgeschlagen; die Redaktion prüft ihn.",
  rejected: "Im Namensverzeichnis ist er abgelehnt; er gilt nur in diesem Browser.",
};

async function addToDictionary(name) {
  const dictionary = document.getElementById("names-dictionary");
  if (!dictionary || dictionary.dataset.state !== "available") {
    return; // no dictionary this time: the name lives in this tab, as before
  }
  try {
    const response = await fetch(dictionary.dataset.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Wirecheck-Client": "page" },
      body: JSON.stringify({ name: name, seen_in: snippetAround(name) }),
    });
    const answer = await response.json();
    if (response.ok) {
      tell(OUTCOMES[answer.name.status] || "");
    } else {
      tell("Das Namensverzeichnis hat ihn nicht aufgenommen (" + answer.error.message + "); er gilt in diesem Browser.");
    }
  } catch (error) {
    tell("Das Namensverzeichnis ist nicht erreichbar; der Name gilt in diesem Browser.");
  }
}

// A name-like word: a note on an unknown name, or the speller's finding on one capitalised word
// (the speller cannot tell "Gächter" from a typo; the editor can).
const NAME_LIKE = /^\p{Lu}[\p{L}'’-]*$/u;

export function isAboutAName(finding) {
  return (
    finding.rule === "HOUSE_UNKNOWN_NAME" || (/SPELLER_RULE$/.test(finding.rule) && NAME_LIKE.test(finding.text))
  );
}

export function acceptName(name) {
  writeNames(fieldNames().concat([name]));
  addToDictionary(name);
}

// The names accepted so far, in the order they were accepted.
export function acceptedNames() {
  return fieldNames();
}

// Takes back an accepted name: the next check reports it again when the dictionary lacks it.
export function forgetName(name) {
  writeNames(fieldNames().filter((accepted) => accepted !== name));
}
