/* The result page's findings: the report embedded in the page (#report-data), and where each
 * finding is shown – its marks in the checked text, its entry in the side panel.
 *
 * The checked text may be a file in a markup format as written: a suggestion goes into the
 * text as the finding's `fixes` spell it there ("&amp;" for "&" in XML); it is shown as the
 * plain `replacements` say.
 */

/* The page's state, shared by the card, the fixes and the panel; null on other pages. */
export function readResultPage() {
  const dataElement = document.getElementById("report-data");
  const annotated = document.getElementById("annotated");
  if (!dataElement || !annotated) {
    return null;
  }
  const report = JSON.parse(dataElement.textContent);
  const textarea = document.getElementById("text");
  return {
    findings: initFindings(report.issues),
    kinds: report.kinds, // kind id -> label
    annotated: annotated,
    original: Array.from(annotated.textContent), // the checked text, in code points
    textarea: textarea, // the draft, sent by "Erneut prüfen"
    lastCorrected: annotated.textContent, // the checked text with the fixes taken so far
    diverged: textarea.value !== annotated.textContent, // the editor has changed the draft by hand
  };
}

// The report's issues as the page's findings, each open and untouched.
export function initFindings(issues) {
  issues.forEach((finding) => {
    finding.state = "open"; // open | applied | ignored | stale | edited (its words were typed over)
    finding.applied = null; // the suggestion taken, as shown
    finding.appliedSource = null; // the same, as written into the text
  });
  return issues;
}

// Shows what only works with this script, and drops the tooltips the card replaces.
export function revealScriptControls(page) {
  document.querySelectorAll(".js-only").forEach((element) => {
    element.hidden = false;
  });
  page.annotated.querySelectorAll("mark.issue[title]").forEach((mark) => {
    mark.removeAttribute("title");
  });
}

export function marksOf(page, index) {
  return page.annotated.querySelectorAll('mark.issue[data-issue="' + index + '"]');
}

export function primaryMarkOf(index) {
  return document.getElementById("issue-" + (index + 1));
}

export function listItemOf(index) {
  return document.getElementById("finding-" + (index + 1));
}

// A message for screen readers and for the eye, in the side panel.
export function say(message) {
  document.getElementById("status").textContent = message;
}

export function indexOfMark(mark) {
  return Number(mark.getAttribute("data-issue"));
}
