/* Names the editor accepts for this session: kept in the browser tab (sessionStorage) and sent
 * with every check in the form's hidden "names" field, so the names dictionary knows them. */

const KEY = "wirecheck.sessionNames";

function storedNames() {
  try {
    const names = JSON.parse(window.sessionStorage.getItem(KEY) || "[]");
    return Array.isArray(names) ? names.filter((name) => typeof name === "string") : [];
  } catch (error) {
    return []; // storage off or unreadable: the names then live in the form field alone
  }
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
