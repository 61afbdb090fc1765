/* Names the editor accepts: kept in this browser (localStorage, so that they outlast the tab;
 * sessionStorage as before for the tab) and sent with every check in the form's hidden "names"
 * field, so the names dictionary knows them. */

const KEY = "wirecheck.sessionNames";
const LASTING_KEY = "wirecheck.acceptedNames.v1";

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

export function acceptName(name) {
  writeNames(fieldNames().concat([name]));
}

// The names accepted so far, in the order they were accepted.
export function acceptedNames() {
  return fieldNames();
}

// Takes back an accepted name: the next check reports it again when the dictionary lacks it.
export function forgetName(name) {
  writeNames(fieldNames().filter((accepted) => accepted !== name));
}
