// The sample web chat: sends each message to the gateway and renders its SSE reply as it streams
// (token, retract, message, error, done), with citations and thumbs for feedback. No framework: it is a page
// to copy from.
(() => {
  "use strict";

  const transcript = document.getElementById("transcript");
  const composer = document.getElementById("composer");
  const input = document.getElementById("message");
  const send = document.getElementById("send");
  const status = document.getElementById("status");

  let conversationId = sessionStorage.getItem("confab.conversation") || newConversationId();

  function newConversationId() {
    const id = "web-" + crypto.randomUUID();
    sessionStorage.setItem("confab.conversation", id);
    return id;
  }

  function bubble(role) {
    const item = document.createElement("li");
    item.className = "message " + role;
    const text = document.createElement("span");
    text.className = "text";
    item.appendChild(text);
    transcript.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function textOf(item) {
    return item.querySelector(".text");
  }

  // A finished bot message: its final text, where it came from, the documents it cites, and thumbs.
  function finish(item, message) {
    item.classList.remove("streaming");
    textOf(item).textContent = message.text;
    const provenance = document.createElement("span");
    provenance.className = "provenance";
    provenance.textContent = message.provenance || "";
    item.appendChild(provenance);
    const sources = (message.citations || []).filter((citation) => citation.url);
    if (sources.length > 0) {
      const list = document.createElement("ol");
      list.className = "citations";
      for (const citation of sources) {
        const link = document.createElement("a");
        link.href = citation.url;
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = citation.title || citation.url;
        const entry = document.createElement("li");
        entry.appendChild(link);
        list.appendChild(entry);
      }
      item.appendChild(list);
    }
    item.appendChild(thumbs(message.messageId));
  }

  function thumbs(messageId) {
    const bar = document.createElement("span");
    bar.className = "feedback";
    for (const [rating, label, symbol] of [["up", "Helpful", "👍"], ["down", "Not helpful", "👎"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "thumb";
      button.dataset.rating = rating;
      button.setAttribute("aria-label", label);
      button.title = label;
      button.textContent = symbol;
      button.addEventListener("click", () => rate(bar, messageId, rating));
      bar.appendChild(button);
    }
    return bar;
  }

  async function rate(bar, messageId, rating) {
    bar.querySelectorAll("button").forEach((button) => { button.disabled = true; });
    const response = await fetch("/v1/conversations/" + encodeURIComponent(conversationId) + "/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ messageId, rating }),
    }).catch(() => null);
    if (response && response.ok) {
      bar.querySelector("[data-rating='" + rating + "']").classList.add("chosen");
      bar.dataset.sent = rating;
    } else {
      bar.querySelectorAll("button").forEach((button) => { button.disabled = false; });
      status.textContent = "Your feedback could not be sent. Please try again.";
    }
  }

  // Server-sent events from a POST response (EventSource can only GET): blocks separated by blank lines.
  async function* events(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = { name: "message", data: "", id: null };
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) {
            event.name = line.slice(6).trim();
          } else if (line.startsWith("id:")) {
            event.id = line.slice(3).trim();
          } else if (line.startsWith("data:")) {
            event.data += line.slice(5).trim();
          }
        }
        if (event.data) {
          yield { name: event.name, id: event.id, data: JSON.parse(event.data) };
        }
      }
    }
  }

  async function say(text) {
    bubble("user").querySelector(".text").textContent = text;
    const response = await fetch("/v1/conversations/" + encodeURIComponent(conversationId) + "/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify({ text, channel: "web" }),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || "The assistant refused the message (" + response.status + ")");
    }
    let streaming = null;
    for await (const event of events(response)) {
      if (event.name === "token") {
        streaming = streaming || bubble("bot streaming");
        textOf(streaming).textContent += event.data.text;
      } else if (event.name === "retract" && streaming) {
        // A guardrail took back the end of the streamed text; a safe ending follows as more tokens.
        textOf(streaming).textContent = textOf(streaming).textContent.slice(0, event.data.fromOffset);
      } else if (event.name === "message") {
        finish(streaming || bubble("bot"), event.data);
        streaming = null;
      } else if (event.name === "error") {
        status.textContent = event.data.reason;
      }
    }
  }

  composer.addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    const text = input.value.trim();
    if (!text) {
      return;
    }
    input.value = "";
    status.textContent = "";
    send.disabled = true;
    try {
      await say(text);
    } catch (failure) {
      status.textContent = failure.message || "The assistant could not be reached. Please try again.";
    } finally {
      send.disabled = false;
      input.focus();
    }
  });

  document.getElementById("new-conversation").addEventListener("click", () => {
    conversationId = newConversationId();
    transcript.replaceChildren();
    status.textContent = "";
    input.focus();
  });

  input.focus();
})();
