// The sample web chat. It sends each message to the gateway and renders the reply as it streams (token, retract,
// message, handoff, error, done), with citations and thumbs for feedback. It also follows the conversation for
// what comes outside its own turns (an agent writing), resumes a broken stream from the last event it got
// (Last-Event-ID), and restores the conversation from its history after a reload. No framework: a page to copy.
(() => {
  "use strict";

  const chat = document.querySelector("main");
  const transcript = document.getElementById("transcript");
  const composer = document.getElementById("composer");
  const input = document.getElementById("message");
  const send = document.getElementById("send");
  const status = document.getElementById("status");
  const handoff = document.getElementById("handoff");
  const RECONNECTING = "Connection lost. Reconnecting…";

  let conversationId = sessionStorage.getItem("confab.conversation");
  // A turn's events arrive on its POST response and on the follow stream: each is shown once, by id.
  let seen = new Set();
  let lastEventId = null;
  let streaming = null;
  let turnOver = null;
  let following = null;

  const pause = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

  function path(suffix) {
    return "/v1/conversations/" + encodeURIComponent(conversationId) + suffix;
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

  function botRole(provenance) {
    return provenance === "HUMAN" ? "bot agent" : "bot";
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
    const response = await fetch(path("/feedback"), {
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

  function showHandoff(step) {
    const says = {
      REQUESTED: "Waiting for a colleague to join…",
      ACCEPTED: "You're chatting with a colleague" + (step.agentId ? " (" + step.agentId + ")" : "") + ".",
      ENDED: "",
    };
    handoff.textContent = says[step.state] || "";
    handoff.dataset.state = step.state;
    handoff.hidden = !handoff.textContent;
  }

  // One event of either stream, shown unless it already was.
  function show(event) {
    if (event.id) {
      if (seen.has(event.id)) {
        return;
      }
      seen.add(event.id);
      lastEventId = event.id;
    }
    if (event.name === "token") {
      streaming = streaming || bubble("bot streaming");
      textOf(streaming).textContent += event.data.text;
    } else if (event.name === "retract" && streaming) {
      // A guardrail took back the end of the streamed text; a safe ending follows as more tokens.
      textOf(streaming).textContent = textOf(streaming).textContent.slice(0, event.data.fromOffset);
    } else if (event.name === "message") {
      finish(streaming || bubble(botRole(event.data.provenance)), event.data);
      streaming = null;
    } else if (event.name === "handoff") {
      showHandoff(event.data);
    } else if (event.name === "error") {
      status.textContent = event.data.reason;
    } else if (event.name === "done" && turnOver) {
      turnOver();
      turnOver = null;
    }
  }

  // Server-sent events from a fetch response (EventSource can neither POST nor send an API key): blocks
  // separated by blank lines; comments (heartbeats) carry no data and are skipped.
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

  // A site with signed-in users defines window.confabUserToken() (e.g. returning its OIDC ID token): the gateway
  // verifies it, the assistant may remember the user, and the conversation, its history and its stream are theirs
  // alone. Without it, the user is anonymous.
  async function asUser(headers) {
    const userToken = typeof window.confabUserToken === "function" ? await window.confabUserToken() : null;
    if (userToken) {
      headers["X-User-Token"] = userToken;
    }
    return headers;
  }

  // Sends a message; resolves when its turn is over, whichever stream brings the end.
  async function say(text) {
    textOf(bubble("user")).textContent = text;
    const over = new Promise((resolve) => { turnOver = resolve; });
    const key = crypto.randomUUID();
    let response = null;
    const headers = await asUser({ "Content-Type": "application/json", "Accept": "text/event-stream",
      "Idempotency-Key": key });
    for (let attempt = 1; response === null; attempt++) {
      try {
        response = await fetch(path("/messages"), {
          method: "POST",
          headers,
          body: JSON.stringify({ text, channel: "web" }),
        });
      } catch (unreachable) {
        // The message may or may not have arrived; sent again with the same key it cannot start a second turn.
        if (attempt === 3) {
          throw new Error("The assistant could not be reached. Please try again.");
        }
        await pause(1000 * attempt);
      }
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || "The assistant refused the message (" + response.status + ")");
    }
    // If this response breaks, the follow stream resumes from the last event and brings the rest.
    (async () => {
      for await (const event of events(response)) {
        show(event);
      }
    })().catch(() => {});
    await over;
  }

  // Follows the conversation until it is replaced, reconnecting with backoff and resuming from the last event.
  async function follow(controller) {
    let backoff = 1000;
    while (!controller.signal.aborted) {
      try {
        const headers = await asUser({ "Accept": "text/event-stream" });
        if (lastEventId) {
          headers["Last-Event-ID"] = lastEventId;
        }
        const response = await fetch(path("/stream"), { headers, signal: controller.signal });
        if (response.status === 400 || response.status === 410) {
          // The last event can no longer be resumed from: start again from the history.
          lastEventId = null;
          await restore();
          continue;
        }
        if (!response.ok) {
          throw new Error("stream refused: " + response.status);
        }
        backoff = 1000;
        chat.dataset.connection = "open";
        if (status.textContent === RECONNECTING) {
          status.textContent = "";
        }
        for await (const event of events(response)) {
          show(event);
        }
      } catch (broken) {
        if (controller.signal.aborted) {
          return;
        }
      }
      chat.dataset.connection = "reconnecting";
      status.textContent = RECONNECTING;
      await pause(backoff);
      backoff = Math.min(backoff * 2, 15000);
    }
  }

  // The conversation so far, after a reload of the page.
  async function restore() {
    const response = await fetch(path("/messages?limit=100"), { headers: await asUser({}) }).catch(() => null);
    if (!response || !response.ok) {
      return;
    }
    const history = await response.json();
    transcript.replaceChildren();
    for (const said of history.messages) {
      const item = bubble(said.speaker === "USER" ? "user" : botRole(said.provenance));
      textOf(item).textContent = said.text;
    }
  }

  async function open(fresh) {
    if (following) {
      following.abort();
    }
    if (fresh || !conversationId) {
      const response = await fetch("/v1/conversations", { method: "POST" });
      if (!response.ok) {
        throw new Error("A conversation could not be started (" + response.status + ")");
      }
      conversationId = (await response.json()).conversationId;
      sessionStorage.setItem("confab.conversation", conversationId);
    } else {
      await restore();
    }
    chat.dataset.conversation = conversationId;
    seen = new Set();
    lastEventId = null;
    following = new AbortController();
    follow(following);
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
      turnOver = null;
      status.textContent = failure.message || "The assistant could not be reached. Please try again.";
    } finally {
      send.disabled = false;
      input.focus();
    }
  });

  document.getElementById("new-conversation").addEventListener("click", async () => {
    // The old conversation is closed so that analytics count it as ended, not abandoned.
    fetch(path("/end"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason: "new conversation" }),
    }).catch(() => {});
    transcript.replaceChildren();
    showHandoff({ state: "ENDED" });
    status.textContent = "";
    await open(true).catch((failure) => { status.textContent = failure.message; });
    input.focus();
  });

  send.disabled = true;
  open(false)
    .then(() => { send.disabled = false; })
    .catch((failure) => { status.textContent = failure.message; });
  input.focus();
})();
