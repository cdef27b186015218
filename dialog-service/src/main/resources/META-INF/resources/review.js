// The review page: an assistant's conversations from dialog's review inbox; a reviewer reads one, corrects the
// intents the NLU got wrong and approves or rejects it (PUT …/conversations/{id}/review).
(() => {
  "use strict";

  const form = document.getElementById("which");
  const status = document.getElementById("status");
  const section = document.getElementById("conversation");
  let chosen = null;

  const withKey = window.confabApiKey(form);

  const assistantPath = () => "/v1/assistants/" + encodeURIComponent(form.elements.tenant.value.trim()) + "/"
    + encodeURIComponent(form.elements.assistant.value.trim());

  async function read(url, options) {
    const response = await fetch(url, withKey(options)).catch(() => null);
    if (!response || !response.ok) {
      const problem = response ? await response.json().catch(() => ({})) : {};
      throw new Error(problem.detail || "dialog-service could not be reached");
    }
    return response.json();
  }

  function cell(text) {
    const column = document.createElement("td");
    column.textContent = text;
    return column;
  }

  function inboxRow(conversation) {
    const row = document.createElement("tr");
    row.dataset.conversation = conversation.conversationId;
    row.classList.toggle("chosen", conversation.conversationId === chosen);
    row.append(cell(new Date(conversation.lastActivityAt).toLocaleString()), cell(conversation.conversationId),
      cell(conversation.userMessages),
      cell(conversation.lowestConfidence === null ? "–" : conversation.lowestConfidence.toFixed(2)),
      cell(conversation.verdict || "–"));
    row.addEventListener("click", () => open(conversation.conversationId));
    return row;
  }

  function emptyRow() {
    const row = document.createElement("tr");
    const note = cell("No conversations to show.");
    note.colSpan = 5;
    row.appendChild(note);
    return row;
  }

  // Leaves the status line alone: it may be telling the reviewer what their last verdict did.
  async function refresh() {
    try {
      const inbox = await read(assistantPath() + "/conversations?review=" + form.elements.review.value);
      document.getElementById("inbox").replaceChildren(...(inbox.length ? inbox.map(inboxRow) : [emptyRow()]));
      const intents = await read(assistantPath() + "/intents").catch(() => []);
      document.getElementById("intents").replaceChildren(...intents.map((intent) => {
        const option = document.createElement("option");
        option.value = intent;
        return option;
      }));
    } catch (failure) {
      status.textContent = failure.message;
    }
  }

  function message(line) {
    const item = document.createElement("li");
    item.className = line.speaker;
    item.textContent = line.text;
    if (line.speaker === "USER") {
      const reading = document.createElement("label");
      reading.className = "reading";
      const understood = line.intent === null ? "out of scope"
        : line.intent + " (" + (line.confidence === null ? "–" : line.confidence.toFixed(2)) + ")";
      reading.append("NLU: " + understood + " · meant: ");
      const correction = document.createElement("input");
      correction.setAttribute("list", "intents");
      correction.dataset.turn = line.turnId;
      correction.dataset.read = line.intent || "";
      correction.value = line.correctedIntent || "";
      correction.placeholder = "the intent it meant";
      reading.append(correction);
      item.append(reading);
    }
    return item;
  }

  async function open(conversationId) {
    try {
      const transcript = await read("/v1/conversations/" + encodeURIComponent(conversationId) + "/transcript");
      chosen = conversationId;
      document.getElementById("conversation-id").textContent = conversationId;
      document.getElementById("messages").replaceChildren(...transcript.map(message));
      section.hidden = false;
      status.textContent = "";
    } catch (failure) {
      status.textContent = failure.message;
    }
  }

  async function review(verdict) {
    const corrections = [...document.querySelectorAll("#messages input")]
      .filter((input) => input.value.trim() && input.value.trim() !== input.dataset.read)
      .map((input) => ({ turnId: input.dataset.turn, intent: input.value.trim() }));
    try {
      await read(assistantPath() + "/conversations/" + encodeURIComponent(chosen) + "/review", {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ verdict, reviewer: form.elements.reviewer.value.trim() || null, corrections }),
      });
      status.textContent = (verdict === "APPROVED" ? "Approved " : "Rejected ") + chosen
        + (corrections.length ? " with " + corrections.length + " correction(s)." : ".");
      section.hidden = true;
      refresh();
    } catch (failure) {
      status.textContent = failure.message;
    }
  }

  document.getElementById("approve").addEventListener("click", () => review("APPROVED"));
  document.getElementById("reject").addEventListener("click", () => review("REJECTED"));
  form.addEventListener("submit", (submitted) => {
    submitted.preventDefault();
    status.textContent = "";
    refresh();
  });
  refresh();
})();
