/* While the form's check runs (a page load that can take a while): a note that it runs, and the
 * engine's trouble as soon as /healthz reports it, with a way back to the form and the text. */

const POLL_MS = 2000;

export function setupBusyState() {
  const form = document.getElementById("check-form");
  const note = document.getElementById("busy");
  if (!form || !note) {
    return;
  }
  form.addEventListener("submit", () => {
    showNote(note, "Der Text wird geprüft …", null);
    const timer = window.setInterval(() => askHealth(note, timer), POLL_MS);
    window.addEventListener("pagehide", () => window.clearInterval(timer));
  });
}

async function askHealth(note, timer) {
  let answer = null;
  try {
    answer = await fetch(note.getAttribute("data-health"), { cache: "no-store" });
  } catch (error) {
    answer = null; // the server itself is gone: the browser will say so
  }
  if (answer && answer.status === 503) {
    window.clearInterval(timer);
    showNote(note, "Die Prüfung antwortet gerade nicht – LanguageTool startet vielleicht neu. Ihr Text ist erhalten.",
      () => {
        window.stop();
        note.hidden = true;
        const textarea = document.getElementById("text");
        if (textarea) {
          textarea.focus();
        }
      });
  }
}

function showNote(note, message, onStop) {
  note.textContent = message;
  note.classList.toggle("is-trouble", onStop !== null);
  if (onStop) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Warten beenden";
    button.addEventListener("click", onStop);
    note.appendChild(button);
  }
  note.hidden = false;
}
