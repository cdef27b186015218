// The analytics page: one assistant's figures from GET /v1/analytics/{tenant}/{assistant}, refreshed every 10 s.
(() => {
  "use strict";

  const form = document.getElementById("which");
  const status = document.getElementById("status");
  const percent = (share) => (100 * share).toFixed(1) + " %";
  const millis = (value) => (value === null ? "–" : value + " ms");

  function figure(label, value) {
    const box = document.createElement("div");
    box.className = "figure";
    const shown = document.createElement("div");
    shown.className = "value";
    shown.textContent = value;
    const name = document.createElement("div");
    name.className = "label";
    name.textContent = label;
    box.append(shown, name);
    return box;
  }

  function rows(body, lines) {
    document.getElementById(body).replaceChildren(...lines.map((cells) => {
      const row = document.createElement("tr");
      for (const cell of cells) {
        const column = document.createElement("td");
        column.textContent = cell;
        row.appendChild(column);
      }
      return row;
    }));
  }

  function show(report) {
    const satisfaction = report.satisfaction;
    document.getElementById("figures").replaceChildren(
      figure("conversations", report.conversations),
      figure("containment", percent(report.containmentRate)),
      figure("fallback rate (messages out of scope)", percent(report.fallbackRate)),
      figure("handoff rate", percent(report.handoffRate)),
      figure("abandonment", percent(report.abandonmentRate)),
      figure("CSAT (" + satisfaction.csatResponses + " answers)",
        satisfaction.csatAverage === null ? "–" : satisfaction.csatAverage.toFixed(2)),
      figure("thumbs up / down", satisfaction.thumbsUp + " / " + satisfaction.thumbsDown),
      figure("turn latency p50 / p95", millis(report.turnLatencyMs.p50) + " / " + millis(report.turnLatencyMs.p95)));
    rows("intents", report.topIntents.map((intent) => [intent.intent, intent.count]));
    rows("flows", report.flows.map((flow) => [flow.flow, flow.started, flow.completed, flow.abandoned, flow.open,
      Object.entries(flow.abandonedAtStep).map(([step, count]) => step + " (" + count + ")").join(", ")]));
    rows("handoffs", Object.entries(report.handoffReasons));
  }

  const withKey = window.confabApiKey(form);

  async function refresh() {
    const tenant = form.elements.tenant.value.trim();
    const assistant = form.elements.assistant.value.trim();
    const response = await fetch("/v1/analytics/" + encodeURIComponent(tenant) + "/" + encodeURIComponent(assistant),
      withKey()).catch(() => null);
    if (!response || !response.ok) {
      const problem = response ? await response.json().catch(() => ({})) : {};
      status.textContent = problem.detail || "The figures could not be loaded.";
      return;
    }
    status.textContent = "";
    show(await response.json());
  }

  form.addEventListener("submit", (submitted) => {
    submitted.preventDefault();
    refresh();
  });
  refresh();
  setInterval(refresh, 10000);
})();
