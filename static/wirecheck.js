/* Wirecheck: keeps drafts in the browser, and makes the result page interactive.
 *
 * The page works without this script: every finding is marked, and the side panel lists each
 * with its message and suggestions. With it, a finding opens a card whose suggestions change the
 * draft in place; the draft in the form below follows, ready to be checked again.
 *
 * Offsets in the report count Unicode code points; JavaScript strings count UTF-16 units, so
 * the text is handled as an array of code points (Array.from). The text may be a file in a
 * markup format as written: a suggestion goes in as the finding's `fixes` spell it there
 * ("&amp;" for "&" in XML); it is shown as the plain `replacements` say.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "wirecheck.draft.v1";

  // ---- Drafts kept in the browser --------------------------------------------------------

  function loadDraft() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      return stored && typeof stored.text === "string" ? stored : null;
    } catch (error) {
      return null;
    }
  }

  function saveDraft(text) {
    try {
      if (text.trim()) {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ text: text, saved: Date.now() }));
      }
    } catch (error) {
      // Storage full or disabled: the server still has the draft in every answer.
    }
  }

  function forgetDraft() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      // Nothing to forget.
    }
  }

  function formatTime(millis) {
    var date = new Date(millis);
    return date.toLocaleDateString("de-DE", { day: "numeric", month: "numeric" }) + ", " +
      date.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" }) + " Uhr";
  }

  function germanNumber(number) {
    return number.toLocaleString("de-DE");
  }

  function codePointLength(text) {
    return Array.from(text).length;
  }

  function setupForm() {
    var textarea = document.getElementById("text");
    if (!textarea) {
      return;
    }
    var form = textarea.form;
    var note = document.getElementById("draft-note");
    var counter = document.getElementById("char-count");
    var limit = Number(textarea.getAttribute("data-max-length")) || 0;
    var timer = null;

    function updateCounter() {
      if (!counter) {
        return;
      }
      var length = codePointLength(textarea.value);
      counter.textContent = germanNumber(length) + " Zeichen" +
        (limit && length > limit ? " – zu lang, höchstens " + germanNumber(limit) : "");
      counter.classList.toggle("is-over", Boolean(limit && length > limit));
    }

    function showNote(message, buttonLabel, onClick) {
      note.textContent = message;
      if (buttonLabel) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-quiet";
        button.textContent = buttonLabel;
        button.addEventListener("click", onClick);
        note.appendChild(button);
      }
      note.hidden = false;
    }

    textarea.addEventListener("input", function () {
      updateCounter();
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { saveDraft(textarea.value); }, 300);
    });
    form.addEventListener("submit", function () { saveDraft(textarea.value); });
    // Typing is saved after a pause; leaving the page saves at once, so nothing is lost.
    window.addEventListener("pagehide", function () { saveDraft(textarea.value); });

    var stored = loadDraft();
    var incomplete = textarea.hasAttribute("data-draft-incomplete");
    if (stored && !textarea.value.trim() && !incomplete) {
      textarea.value = stored.text;
      showNote("Ihr letzter Text vom " + formatTime(stored.saved) + " ist wiederhergestellt.", "Feld leeren",
        function () {
          textarea.value = "";
          forgetDraft();
          note.hidden = true;
          updateCounter();
          textarea.focus();
        });
    } else if (stored && incomplete && stored.text.length > textarea.value.length) {
      showNote("Ihr Browser hat den vollständigen Text gespeichert (" + germanNumber(codePointLength(stored.text)) +
        " Zeichen).", "Vollständigen Text einsetzen", function () {
        textarea.value = stored.text;
        note.hidden = true;
        updateCounter();
      });
    } else if (textarea.value.trim()) {
      saveDraft(textarea.value);
    }
    updateCounter();
  }

  // ---- The result page ---------------------------------------------------------------------

  function overlaps(a, b) {
    var aEnd = a.offset + a.length;
    var bEnd = b.offset + b.length;
    if (a.length === 0 && b.length === 0) {
      return a.offset === b.offset;
    }
    if (a.length === 0) {
      return b.offset < a.offset && a.offset < bEnd;
    }
    if (b.length === 0) {
      return a.offset < b.offset && b.offset < aEnd;
    }
    return Math.max(a.offset, b.offset) < Math.min(aEnd, bEnd);
  }

  function setupResult() {
    var dataElement = document.getElementById("report-data");
    var annotated = document.getElementById("annotated");
    if (!dataElement || !annotated) {
      return;
    }
    var report = JSON.parse(dataElement.textContent);
    var findings = report.issues;
    var kinds = report.kinds;
    var original = Array.from(annotated.textContent);
    var textarea = document.getElementById("text");
    var card = document.getElementById("card");
    var wrap = document.getElementById("annotated-wrap");
    var status = document.getElementById("status");
    var applyAllButton = document.getElementById("apply-all");
    var copyButton = document.getElementById("copy-text");
    var divergedNote = document.getElementById("diverged-note");
    var lastCorrected = annotated.textContent;
    var diverged = textarea.value !== lastCorrected;
    var current = null; // index of the finding whose card is open
    var savedContent = {}; // index -> original child nodes of its marks, for undo
    var quietFocus = false;

    findings.forEach(function (finding) {
      finding.state = "open"; // open | applied | ignored | stale
      finding.applied = null; // the suggestion taken, as shown
      finding.appliedSource = null; // the same, as written into the text
    });

    Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (element) {
      element.hidden = false;
    });
    // The card replaces the tooltips that serve readers without script.
    Array.prototype.forEach.call(annotated.querySelectorAll("mark.issue[title]"), function (mark) {
      mark.removeAttribute("title");
    });

    function marksOf(index) {
      return annotated.querySelectorAll('mark.issue[data-issue="' + index + '"]');
    }

    function primaryOf(index) {
      return document.getElementById("issue-" + (index + 1));
    }

    function listItemOf(index) {
      return document.getElementById("finding-" + (index + 1));
    }

    function correctedText() {
      var pieces = [];
      var position = 0;
      findings
        .filter(function (finding) { return finding.state === "applied"; })
        .sort(function (a, b) { return a.offset - b.offset; })
        .forEach(function (finding) {
          pieces.push(original.slice(position, finding.offset).join(""), finding.appliedSource);
          position = finding.offset + finding.length;
        });
      pieces.push(original.slice(position).join(""));
      return pieces.join("");
    }

    function say(message) {
      status.textContent = message;
    }

    function refreshStates() {
      findings.forEach(function (finding, index) {
        if (finding.state === "stale" || finding.state === "open") {
          var blocked = findings.some(function (other, otherIndex) {
            return otherIndex !== index && other.state === "applied" && overlaps(finding, other);
          });
          finding.state = blocked ? "stale" : "open";
        }
        Array.prototype.forEach.call(marksOf(index), function (mark) {
          mark.classList.toggle("is-applied", finding.state === "applied");
          mark.classList.toggle("is-ignored", finding.state === "ignored");
          mark.classList.toggle("is-stale", finding.state === "stale");
        });
        var item = listItemOf(index);
        if (item) {
          var label = { applied: "übernommen", ignored: "ignoriert", stale: "überholt" }[finding.state] || "";
          var stateElement = item.querySelector(".finding-state");
          stateElement.textContent = label;
          stateElement.hidden = !label;
          item.classList.toggle("is-done", finding.state !== "open");
        }
      });
      var open = {};
      Object.keys(kinds).forEach(function (kind) { open[kind] = 0; });
      findings.forEach(function (finding) {
        if (finding.state === "open") {
          open[finding.kind] += 1;
        }
      });
      Array.prototype.forEach.call(document.querySelectorAll("[data-kind-count]"), function (element) {
        var count = open[element.getAttribute("data-kind-count")] || 0;
        element.textContent = count;
        element.parentElement.classList.toggle("is-zero", count === 0);
      });
      var single = findings.filter(function (finding) {
        return finding.state === "open" && finding.replacements.length === 1;
      }).length;
      applyAllButton.textContent = "Eindeutige Vorschläge übernehmen (" + single + ")";
      applyAllButton.disabled = diverged || single === 0;
      applyAllButton.title = "Übernimmt jeden Vorschlag, wo es genau einen gibt";
      divergedNote.hidden = !diverged;
    }

    function syncDraft() {
      lastCorrected = correctedText();
      if (!diverged) {
        textarea.value = lastCorrected;
        textarea.dispatchEvent(new Event("input"));
        saveDraft(lastCorrected);
      }
    }

    function suggestionLabel(replacement) {
      return replacement === "" ? "entfernen" : replacement;
    }

    function appliedMessage(finding) {
      return finding.applied === "" ? "„" + finding.text + "“ entfernt." :
        "„" + finding.text + "“ → „" + finding.applied + "“ übernommen.";
    }

    // `choice` is the position of the suggestion among the finding's replacements.
    function apply(index, choice) {
      var finding = findings[index];
      if (diverged || finding.state !== "open") {
        return false;
      }
      var source = finding.fixes ? finding.fixes[choice] : finding.replacements[choice];
      var marks = marksOf(index);
      savedContent[index] = Array.prototype.map.call(marks, function (mark) {
        return Array.prototype.slice.call(mark.childNodes);
      });
      Array.prototype.forEach.call(marks, function (mark, position) {
        mark.textContent = position === 0 ? source : "";
      });
      finding.state = "applied";
      finding.applied = finding.replacements[choice];
      finding.appliedSource = source;
      refreshStates();
      syncDraft();
      return true;
    }

    function undo(index) {
      var finding = findings[index];
      if (diverged || finding.state !== "applied") {
        return;
      }
      var marks = marksOf(index);
      Array.prototype.forEach.call(marks, function (mark, position) {
        mark.textContent = "";
        (savedContent[index][position] || []).forEach(function (node) { mark.appendChild(node); });
      });
      finding.state = "open";
      finding.applied = null;
      finding.appliedSource = null;
      refreshStates();
      syncDraft();
    }

    // ---- The card

    var cardKind = document.getElementById("card-kind");
    var cardTitle = document.getElementById("card-title");
    var cardMessage = document.getElementById("card-message");
    var cardSuggestions = document.getElementById("card-suggestions");
    var cardRule = document.getElementById("card-rule");
    var cardLink = document.getElementById("card-link");
    var cardOthers = document.getElementById("card-others");
    var cardIgnore = document.getElementById("card-ignore");
    var cardUndo = document.getElementById("card-undo");

    function placeCard(anchor) {
      var rects = anchor.getClientRects();
      var rect = rects.length ? rects[rects.length - 1] : anchor.getBoundingClientRect();
      var box = wrap.getBoundingClientRect();
      var width = card.offsetWidth;
      var left = Math.max(0, Math.min(rect.left - box.left, box.width - width));
      var below = rect.bottom - box.top + 6;
      var above = rect.top - box.top - card.offsetHeight - 6;
      // Below the finding, unless that runs past the end of the text and there is room above.
      var top = below + card.offsetHeight > box.height && above >= 0 ? above : below;
      card.style.left = left + "px";
      card.style.top = top + "px";
    }

    function fillCard(index) {
      var finding = findings[index];
      card.className = "card kind-" + finding.kind;
      cardKind.className = "card-kind kind-" + finding.kind;
      cardKind.textContent = kinds[finding.kind] || finding.kind;
      cardTitle.textContent = "„" + finding.text + "“";
      cardMessage.textContent = finding.message;

      cardSuggestions.textContent = "";
      if (finding.state === "applied") {
        var done = document.createElement("p");
        done.className = "none";
        done.textContent = finding.applied === "" ? "Entfernt." : "Übernommen: „" + finding.applied + "“";
        cardSuggestions.appendChild(done);
      } else if (finding.replacements.length === 0) {
        var none = document.createElement("p");
        none.className = "none";
        none.textContent = "Kein Vorschlag – bitte selbst entscheiden.";
        cardSuggestions.appendChild(none);
      } else {
        finding.replacements.slice(0, 8).forEach(function (replacement, choice) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = replacement === "" ? "suggestion is-deletion" : "suggestion";
          button.textContent = suggestionLabel(replacement);
          button.title = replacement === "" ? "„" + finding.text + "“ entfernen" :
            "„" + finding.text + "“ durch „" + replacement + "“ ersetzen";
          button.disabled = diverged || finding.state !== "open";
          button.addEventListener("click", function () {
            if (apply(index, choice)) {
              say(appliedMessage(finding));
              openCard(index, primaryOf(index), true);
            }
          });
          cardSuggestions.appendChild(button);
        });
      }
      if (finding.state === "stale") {
        var stale = document.createElement("p");
        stale.className = "none";
        stale.textContent = "Überholt: eine übernommene Korrektur hat diese Stelle schon geändert.";
        cardSuggestions.appendChild(stale);
      }

      // Ours: the house rules in Python and our rules inside LanguageTool (HOUSE_…).
      var ours = finding.source === "house" || finding.rule.indexOf("HOUSE_") === 0;
      cardRule.textContent = (ours ? "Hausregel: " : "Regel: ") +
        (finding.rule_description || finding.rule);
      cardRule.title = finding.rule;
      if (finding.url) {
        cardLink.href = finding.url;
        cardLink.hidden = false;
      } else {
        cardLink.hidden = true;
        cardLink.removeAttribute("href");
      }

      var others = findings
        .map(function (other, otherIndex) { return otherIndex; })
        .filter(function (otherIndex) { return otherIndex !== index && overlaps(findings[otherIndex], finding); });
      cardOthers.textContent = "";
      if (others.length) {
        cardOthers.appendChild(document.createTextNode("Auch an dieser Stelle: "));
        others.forEach(function (otherIndex) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = (kinds[findings[otherIndex].kind] || "") + ": „" + findings[otherIndex].text + "“";
          button.addEventListener("click", function () { openCard(otherIndex, primaryOf(otherIndex), true); });
          cardOthers.appendChild(button);
        });
      }
      cardOthers.hidden = others.length === 0;

      cardIgnore.textContent = finding.state === "ignored" ? "Wieder anzeigen" : "Ignorieren";
      cardIgnore.hidden = finding.state === "applied" || finding.state === "stale";
      cardUndo.hidden = finding.state !== "applied";
      cardUndo.disabled = diverged;
    }

    function highlight(index) {
      Array.prototype.forEach.call(document.querySelectorAll(".is-active"), function (element) {
        element.classList.remove("is-active");
      });
      if (index === null) {
        return;
      }
      Array.prototype.forEach.call(marksOf(index), function (mark) { mark.classList.add("is-active"); });
      var item = listItemOf(index);
      if (item) {
        item.classList.add("is-active");
        var list = item.parentElement;
        if (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight) {
          list.scrollTop = item.offsetTop - list.offsetTop - 8;
        }
      }
    }

    function openCard(index, anchor, focusCard) {
      current = index;
      fillCard(index);
      card.hidden = false;
      placeCard(anchor || primaryOf(index));
      highlight(index);
      if (focusCard) {
        var target = card.querySelector(".suggestion:not(:disabled)") ||
          (cardUndo.hidden ? null : cardUndo) || document.getElementById("card-close");
        target.focus({ preventScroll: true });
      }
    }

    function closeCard(returnFocus) {
      if (current === null) {
        return;
      }
      var index = current;
      current = null;
      card.hidden = true;
      highlight(null);
      if (returnFocus) {
        // Back on the finding, without its focus opening the card again.
        quietFocus = true;
        primaryOf(index).focus({ preventScroll: true });
        quietFocus = false;
      }
    }

    annotated.addEventListener("click", function (event) {
      var mark = event.target.closest("mark.issue");
      if (mark) {
        openCard(Number(mark.getAttribute("data-issue")), mark, false);
      }
    });
    annotated.addEventListener("focusin", function (event) {
      var mark = event.target.closest("mark.issue");
      if (mark && !quietFocus && Number(mark.getAttribute("data-issue")) !== current) {
        openCard(Number(mark.getAttribute("data-issue")), mark, false);
      }
    });
    annotated.addEventListener("keydown", function (event) {
      var mark = event.target.closest("mark.issue");
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        openCard(Number(mark.getAttribute("data-issue")), mark, true);
      } else if (event.key === "Escape") {
        closeCard(true);
      }
    });
    card.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        closeCard(true);
      }
    });
    document.getElementById("card-close").addEventListener("click", function () { closeCard(true); });
    document.addEventListener("click", function (event) {
      // A card button that rebuilt the card is no longer in the document: not a click outside.
      if (!event.target.isConnected) {
        return;
      }
      if (current !== null && !card.contains(event.target) && !event.target.closest("mark.issue, .finding-link")) {
        closeCard(false);
      }
    });
    window.addEventListener("resize", function () {
      if (current !== null) {
        placeCard(primaryOf(current));
      }
    });

    cardIgnore.addEventListener("click", function () {
      var finding = findings[current];
      finding.state = finding.state === "ignored" ? "open" : "ignored";
      refreshStates();
      say(finding.state === "ignored" ? "Hinweis zu „" + finding.text + "“ ignoriert." : "Hinweis wieder aktiv.");
      openCard(current, primaryOf(current), false);
    });
    cardUndo.addEventListener("click", function () {
      var index = current;
      undo(index);
      say("Korrektur zurückgenommen.");
      openCard(index, primaryOf(index), true);
    });

    // ---- Side panel and toolbar

    Array.prototype.forEach.call(document.querySelectorAll(".finding-link"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var index = Number(link.parentElement.getAttribute("data-issue"));
        var mark = primaryOf(index);
        mark.scrollIntoView({ block: "center", behavior: "smooth" });
        mark.focus({ preventScroll: true });
        openCard(index, mark, false);
      });
    });

    applyAllButton.addEventListener("click", function () {
      var count = 0;
      findings.forEach(function (finding, index) {
        if (finding.state === "open" && finding.replacements.length === 1 && apply(index, 0)) {
          count += 1;
        }
      });
      closeCard(false);
      say(count === 1 ? "1 Vorschlag übernommen." : count + " Vorschläge übernommen.");
    });

    copyButton.addEventListener("click", function () {
      var text = textarea.value;
      function copied() { say("Korrigierter Text in der Zwischenablage."); }
      function fallback() {
        textarea.focus();
        textarea.select();
        var ok = false;
        try {
          ok = document.execCommand("copy");
        } catch (error) {
          ok = false;
        }
        say(ok ? "Korrigierter Text in der Zwischenablage." : "Kopieren ging nicht – der Text ist markiert, bitte Strg+C drücken.");
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(copied, fallback);
      } else {
        fallback();
      }
    });

    textarea.addEventListener("input", function (event) {
      if (!event.isTrusted) {
        return;
      }
      var changed = textarea.value !== lastCorrected;
      if (changed !== diverged) {
        diverged = changed;
        refreshStates();
        if (current !== null) {
          fillCard(current);
        }
      }
    });

    refreshStates();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupForm();
    setupResult();
  });
})();
