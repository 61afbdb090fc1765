/* Wirecheck's page script: keeps drafts in the browser, and makes the result page the editor.
 *
 * The page works without it: every finding is marked, the side panel lists each with its
 * message and suggestions, and the form below takes the edited text. With it, the marked text
 * itself is edited and checked again after a pause, a finding opens a card whose suggestions
 * change the text in place, and the editor's choices last in this browser.
 *
 *   form.js, draft.js       the form: character counter, the draft kept in the browser
 *   busy.js                 the note while the form's check runs, and the engine's trouble
 *   result-page.js          the result page's findings, read from the page
 *   editor.js               the marked text as the editor, checked again after typing
 *   card.js                 the card over a finding: opening, placing, closing, focus
 *   card-content.js         what the card says
 *   card-events.js          what opens, closes and acts on the card
 *   fixes.js                applying and undoing suggestions, the corrected text
 *   panel.js                the side panel: states, counts, the list, copying
 *   choices.js              ignored findings and rules, kept in this browser
 *   names.js                names the editor accepts, kept in this browser
 *   upload.js               files and the typed draft: the text a file replaced, "Neuer Text"
 *   text.js                 code points, German numbers, overlapping findings
 */

import { setupBusyState } from "./busy.js";
import { setupCard } from "./card.js";
import { applyChoices, showChoices } from "./choices.js";
import { setupEditor } from "./editor.js";
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
  let recheckSoon = () => {};
  const takenBack = (kind) => {
    applyChoices(page);
    page.choicesChanged();
    if (kind === "name") {
      recheckSoon(); // the name is reported again where the dictionary lacks it
    }
  };
  page.choicesChanged = () => {
    refreshStates(page);
    card.refill();
    showChoices(takenBack);
  };
  recheckSoon = setupEditor(page, card, {
    beforeRebuild: () => card.close(false),
    afterRebuild: () => {
      applyChoices(page);
      page.choicesChanged();
    },
  });
  applyChoices(page);
  page.choicesChanged();
}

function setup() {
  setupForm(); // first: the result page compares the draft in the form with the checked text
  setupSessionNames();
  setupBusyState();
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
