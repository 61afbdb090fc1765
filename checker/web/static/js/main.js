/* Wirecheck's page script: keeps drafts in the browser, and makes the result page interactive.
 *
 * The page works without it: every finding is marked, and the side panel lists each with its
 * message and suggestions. With it, a finding opens a card whose suggestions change the text in
 * place; the draft in the form below follows, ready to be checked again.
 *
 *   form.js, draft.js       the form: character counter, the draft kept in the browser
 *   result-page.js          the result page's findings, read from the page
 *   card.js                 the card over a finding: opening, placing, closing, focus
 *   card-content.js         what the card says
 *   card-events.js          what opens, closes and acts on the card
 *   fixes.js                applying and undoing suggestions, the corrected text
 *   panel.js                the side panel: states, counts, the list, copying
 *   names.js                names the editor accepts for the session
 *   upload.js               files and the typed draft: the text a file replaced, "Neuer Text"
 *   text.js                 code points, German numbers, overlapping findings
 */

import { setupCard } from "./card.js";
import { setupApplyAll, watchDraftEdits } from "./fixes.js";
import { setupForm } from "./form.js";
import { setupSessionNames } from "./names.js";
import { refreshStates, setupCopyButton, setupFindingLinks } from "./panel.js";
import { readResultPage, revealScriptControls } from "./result-page.js";
import { setupUploads } from "./upload.js";

function setupResult() {
  const page = readResultPage();
  if (!page) {
    return;
  }
  revealScriptControls(page);
  const card = setupCard(page);
  setupFindingLinks((index, mark) => card.open(index, mark, false));
  setupApplyAll(page, () => card.close(false));
  setupCopyButton(page);
  watchDraftEdits(page, () => {
    refreshStates(page);
    card.refill();
  });
  refreshStates(page);
}

function setup() {
  setupForm(); // first: the result page compares the draft in the form with the checked text
  setupSessionNames();
  setupUploads();
  setupResult();
}

// Module scripts run once the document is parsed; the check only matters if one is ever
// loaded another way.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setup);
} else {
  setup();
}
