/* The finding card: opened over a finding, filled (card-content.js), placed next to it, and
 * closed again, with the keyboard focus where it belongs. What opens and closes it is
 * card-events.js's. */

import { fillCard } from "./card-content.js";
import { listenForClosing, listenToCardButtons, listenToMarks } from "./card-events.js";
import { appliedMessage, applySuggestion } from "./fixes.js";
import { showActiveItem } from "./panel.js";
import { marksOf, primaryMarkOf, say } from "./result-page.js";

const GAP_PX = 6; // between the finding and the card

/* The card, as an object: `open(index, anchor, focusCard)`, `close(returnFocus)`, `refill()`
 * (after a change of the findings' states) and `place()` (after a change of the layout). */
export function setupCard(page) {
  const card = {
    page: page,
    element: document.getElementById("card"),
    wrap: document.getElementById("annotated-wrap"),
    current: null, // index of the finding whose card is open
    quietFocus: false, // focus going back to a finding, which must not open the card again
  };
  card.open = (index, anchor, focusCard) => openCard(card, index, anchor, focusCard);
  card.close = (returnFocus) => closeCard(card, returnFocus);
  card.refill = () => refillCard(card);
  card.place = () => placeCard(card, primaryMarkOf(card.current));
  card.step = (direction) => stepCard(card, direction);
  listenToMarks(card);
  listenForClosing(card);
  listenToCardButtons(card);
  return card;
}

function openCard(card, index, anchor, focusCard) {
  card.current = index;
  refillCard(card);
  card.element.hidden = false;
  placeCard(card, anchor || primaryMarkOf(index));
  highlight(card.page, index);
  if (focusCard) {
    const undo = document.getElementById("card-undo");
    const target = card.element.querySelector(".suggestion:not(:disabled)") ||
      (undo.hidden ? null : undo) || document.getElementById("card-close");
    target.focus({ preventScroll: true });
    card.element.scrollIntoView({ block: "nearest" }); // the focused button in full view
  }
}

// The next (1) or previous (-1) finding's card, the focus staying on the button pressed.
function stepCard(card, direction) {
  const index = card.current + direction;
  if (card.current === null || index < 0 || index >= card.page.findings.length) {
    return;
  }
  const mark = primaryMarkOf(index);
  mark.scrollIntoView({ block: "center" });
  openCard(card, index, mark, false);
  const pressed = document.getElementById(direction > 0 ? "card-next" : "card-prev");
  const target = pressed.disabled ? document.getElementById(direction > 0 ? "card-prev" : "card-next") : pressed;
  target.focus({ preventScroll: true });
  card.element.scrollIntoView({ block: "nearest" });
}

function closeCard(card, returnFocus) {
  if (card.current === null) {
    return;
  }
  const index = card.current;
  card.current = null;
  card.element.hidden = true;
  highlight(card.page, null);
  if (returnFocus) {
    // Back on the finding, without its focus opening the card again: in the editable text, the
    // caret just after its words.
    card.quietFocus = true;
    const mark = primaryMarkOf(index);
    if (mark && card.page.annotated.isContentEditable) {
      card.page.annotated.focus({ preventScroll: true });
      const range = document.createRange();
      range.setStartAfter(mark);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    } else if (mark) {
      mark.focus({ preventScroll: true });
    }
    // selectionchange comes after this task: the caret's new place must not reopen the card.
    window.setTimeout(() => { card.quietFocus = false; }, 0);
  }
}

function refillCard(card) {
  if (card.current === null) {
    return;
  }
  const index = card.current;
  fillCard(card.page, index, {
    choose: (choice) => chooseSuggestion(card, index, choice),
    showOther: (otherIndex) => openCard(card, otherIndex, primaryMarkOf(otherIndex), true),
  });
}

function chooseSuggestion(card, index, choice) {
  if (applySuggestion(card.page, index, choice)) {
    say(appliedMessage(card.page.findings[index]));
    openCard(card, index, primaryMarkOf(index), true);
  }
}

// Below the finding, unless that runs past the end of the text and there is room above.
function placeCard(card, anchor) {
  const rects = anchor.getClientRects();
  const rect = rects.length ? rects[rects.length - 1] : anchor.getBoundingClientRect();
  const box = card.wrap.getBoundingClientRect();
  const height = card.element.offsetHeight;
  const left = Math.max(0, Math.min(rect.left - box.left, box.width - card.element.offsetWidth));
  const below = rect.bottom - box.top + GAP_PX;
  const above = rect.top - box.top - height - GAP_PX;
  const top = below + height > box.height && above >= 0 ? above : below;
  card.element.style.left = left + "px";
  card.element.style.top = top + "px";
}

function highlight(page, index) {
  document.querySelectorAll(".is-active").forEach((element) => {
    element.classList.remove("is-active");
  });
  if (index === null) {
    return;
  }
  marksOf(page, index).forEach((mark) => mark.classList.add("is-active"));
  showActiveItem(index);
}
