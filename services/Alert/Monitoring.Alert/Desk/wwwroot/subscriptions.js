import { api, ApiError } from "./api.js";
import { html, announce } from "./html.js";

const blank = { name: "", query: "", channels: [], schedule: { kind: "immediate" }, quietHours: null, urgentQuery: "", notifyOnUpdates: false, paused: false };
let vocabulary = null;

/** The analyst's subscriptions: list, create, edit, pause and resume, delete. */
export async function subscriptions(main, { id }) {
  if (id) return editor(main, id === "new" ? null : id);
  const list = await api("/api/subscriptions");
  main.innerHTML = html`<h1>Subscriptions</h1>
    <p><a class="button" href="#/subscriptions/new">New subscription</a></p>
    ${list.length ? html`<table><thead><tr><th scope="col">Name</th><th scope="col">Query</th><th scope="col">Delivery</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
    ${list.map(s => html`<tr data-id="${s.subscriptionId}"><td>${s.name}</td><td><code>${describe(s)}</code></td>
      <td>${s.schedule.kind}${s.channels.length ? ` → ${s.channels.map(c => c.minOutlets ? `${c.type} (corroborated by ${c.minOutlets})` : c.type).join(", ")}` : ""}</td><td>${s.paused ? "Paused" : "Active"}</td>
      <td class="inline"><a class="button quiet" href="#/subscriptions/${encodeURIComponent(s.subscriptionId)}" aria-label="Edit ${s.name}">Edit</a>
        <button type="button" class="quiet" data-action="pause" aria-label="${s.paused ? "Resume" : "Pause"} ${s.name}">${s.paused ? "Resume" : "Pause"}</button>
        <button type="button" class="danger" data-action="delete" aria-label="Delete ${s.name}">Delete</button></td></tr>`)}
    </tbody></table>` : html`<p>No subscriptions yet.</p>`}`.text;

  main.querySelector("tbody")?.addEventListener("click", async event => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const subscription = list.find(s => s.subscriptionId === button.closest("tr").dataset.id);
    const path = `/api/subscriptions/${encodeURIComponent(subscription.subscriptionId)}`;
    if (button.dataset.action === "delete") {
      if (!confirm(`Delete "${subscription.name}"? Its alerts stay in the inbox.`)) return;
      await api(path, { method: "DELETE" });
      announce(`Deleted ${subscription.name}`);
    } else {
      await api(path, { method: "PUT", body: { ...requestOf(subscription), paused: !subscription.paused } });
      announce(`${subscription.paused ? "Resumed" : "Paused"} ${subscription.name}`);
    }
    subscriptions(main, {});
  });
  return null;
}

function describe(s) {
  return [s.query, s.topics.length && `topics ${s.topics.join("|")}`, s.countries.length && `countries ${s.countries.join("|")}`,
    s.keywords.length && `keywords ${s.keywords.join("|")}`].filter(Boolean).join("; ");
}

/** What PUT takes back: the subscription's own settings, nothing the server owns. */
function requestOf(s) {
  return {
    name: s.name, query: s.query, topics: s.topics, countries: s.countries, keywords: s.keywords, minScore: s.minScore, channels: s.channels,
    schedule: s.schedule, quietHours: s.quietHours, urgentQuery: s.urgentQuery, notifyOnUpdates: s.notifyOnUpdates, paused: s.paused,
  };
}

async function editor(main, id) {
  vocabulary ??= Object.fromEntries(await Promise.all(["topics", "countries", "cameo"].map(async list => [list, await api(`/api/vocabulary/${list}`)])));
  const existing = id ? await api(`/api/subscriptions/${encodeURIComponent(id)}`) : null;
  const s = existing ? requestOf(existing) : structuredClone(blank);
  const picker = (list, field, label) => html`<div class="field"><label for="pick-${field}">${label}</label>
    <select id="pick-${field}" data-field="${field}"><option value="">Insert…</option>${vocabulary[list].map(v => html`<option value="${v.id}">${v.name} (${v.id})</option>`)}</select></div>`;
  const channelRow = (c, i) => html`<div class="inline channel" data-index="${i}">
    <div class="field"><label for="ch-type-${i}">Channel ${i + 1}</label><select id="ch-type-${i}" name="ch-type">
      ${["webhook", "slack", "teams", "email"].map(t => html`<option value="${t}"${c.type.toLowerCase() === t ? html` selected` : ""}>${t}</option>`)}</select></div>
    <div class="field"><label for="ch-target-${i}">Target (URL or e-mail address)</label><input id="ch-target-${i}" name="ch-target" value="${c.target}" size="40"></div>
    <div class="field"><label for="ch-gate-${i}">Only when corroborated by</label><input id="ch-gate-${i}" name="ch-gate" type="number" min="2" max="50" size="4"
      value="${c.minOutlets ?? ""}" aria-describedby="gate-help"> <span class="meta">outlets</span></div>
    <button type="button" class="danger" data-remove="${i}" aria-label="Remove channel ${i + 1}">Remove</button></div>`;

  main.innerHTML = html`<h1>${existing ? `Edit “${existing.name}”` : "New subscription"}</h1>
    <form id="editor" novalidate>
      <div class="field"><label for="name">Name</label><input id="name" name="name" value="${s.name}" required size="50"></div>
      <div class="field"><label for="query">Query</label>
        <textarea id="query" name="query" rows="3" aria-describedby="query-help query-check" spellcheck="false">${s.query || ""}</textarea>
        <p id="query-help" class="hint">Terms: topic:ID, country:ISO3, actor:"Name", event:CAMEO, quad:material-conflict, source:, lang:, words and "phrases"; AND, OR, NOT, brackets.</p>
        <div id="query-check" aria-live="polite"></div>
      </div>
      <div class="inline">${picker("topics", "topic", "Topic")}${picker("countries", "country", "Country")}${picker("cameo", "event", "CAMEO event")}</div>
      <fieldset><legend>Channels</legend>
        <p id="gate-help" class="hint">Leave “only when corroborated by” empty to send every alert. With a number (2–50), the channel gets no story alerts, only each event once that many independent outlets report it.</p>
        <div id="channels">${s.channels.map(channelRow)}</div>
        <button type="button" class="quiet" id="add-channel">Add channel</button></fieldset>
      <fieldset><legend>Schedule</legend><div class="inline">
        <div class="field"><label for="schedule-kind">Deliver</label><select id="schedule-kind" name="scheduleKind">
          ${["immediate", "hourly", "daily"].map(k => html`<option value="${k}"${s.schedule.kind.toLowerCase() === k ? html` selected` : ""}>${k}</option>`)}</select></div>
        <div class="field"><label for="schedule-at">Daily at</label><input id="schedule-at" name="scheduleAt" type="time" value="${(s.schedule.at || "08:00").slice(0, 5)}"></div>
        <div class="field"><label for="schedule-zone">Time zone</label><input id="schedule-zone" name="scheduleZone" value="${s.schedule.timeZone || "UTC"}"></div></div></fieldset>
      <fieldset><legend>Quiet hours</legend><div class="inline">
        <div class="field"><label><input type="checkbox" name="quiet"${s.quietHours ? html` checked` : ""}> Hold alerts during quiet hours</label></div>
        <div class="field"><label for="quiet-from">From</label><input id="quiet-from" name="quietFrom" type="time" value="${(s.quietHours?.from || "22:00").slice(0, 5)}"></div>
        <div class="field"><label for="quiet-to">To</label><input id="quiet-to" name="quietTo" type="time" value="${(s.quietHours?.to || "07:00").slice(0, 5)}"></div>
        <div class="field"><label for="quiet-zone">Time zone</label><input id="quiet-zone" name="quietZone" value="${s.quietHours?.timeZone || "UTC"}"></div></div></fieldset>
      <div class="field"><label for="urgent">Urgent query (delivered at once, even in quiet hours)</label><input id="urgent" name="urgentQuery" value="${s.urgentQuery || ""}" size="60"></div>
      <div class="field"><label><input type="checkbox" name="notifyOnUpdates"${s.notifyOnUpdates ? html` checked` : ""}> Deliver again when another outlet carries the story</label></div>
      <div class="field"><label><input type="checkbox" name="paused"${s.paused ? html` checked` : ""}> Paused</label></div>
      <div class="inline"><button type="submit">Save</button><button type="button" class="quiet" id="preview-button">Preview last 7 days</button>
        <a class="button quiet" href="#/subscriptions">Cancel</a></div>
      <p id="save-error" class="error" role="alert"></p>
    </form>
    <section id="preview" aria-live="polite"></section>`.text;

  const form = main.querySelector("#editor");
  const check = main.querySelector("#query-check");
  const channels = () => [...form.querySelectorAll(".channel")].map(row => {
    const gate = row.querySelector("[name=ch-gate]").value.trim();
    return { type: row.querySelector("[name=ch-type]").value, target: row.querySelector("[name=ch-target]").value.trim(), ...(gate ? { minOutlets: Number(gate) } : {}) };
  });
  const request = () => {
    const f = new FormData(form);
    return {
      name: f.get("name").trim(), query: f.get("query").trim() || null, topics: s.topics, countries: s.countries, keywords: s.keywords, minScore: s.minScore,
      channels: channels().filter(c => c.target),
      schedule: f.get("scheduleKind") === "daily" ? { kind: "daily", at: f.get("scheduleAt"), timeZone: f.get("scheduleZone") }
        : f.get("scheduleKind") === "hourly" ? { kind: "hourly", timeZone: f.get("scheduleZone") } : { kind: "immediate" },
      quietHours: f.get("quiet") ? { from: f.get("quietFrom"), to: f.get("quietTo"), timeZone: f.get("quietZone") } : null,
      urgentQuery: f.get("urgentQuery").trim() || null, notifyOnUpdates: !!f.get("notifyOnUpdates"), paused: !!f.get("paused"),
    };
  };

  // Validates as you type: the preview endpoint parses the query against the vocabulary and answers 422 with the
  // position, what it expected and suggestions, or what the query would have matched.
  let timer = null, generation = 0;
  const validate = async () => {
    const mine = ++generation;
    const body = { ...request(), name: request().name || "preview", channels: [] };
    if (!body.query && !(body.topics?.length || body.countries?.length || body.keywords?.length)) { check.innerHTML = ""; return null; }
    try {
      const result = await api("/api/subscriptions/preview?days=7&limit=20", { method: "POST", body });
      if (mine !== generation) return null;
      check.innerHTML = html`<p class="okay">Query is valid: it would have matched ${result.matched} of the ${result.scanned} articles of the last 7 days.</p>`.text;
      return result;
    } catch (error) {
      if (mine !== generation) return null;
      if (!(error instanceof ApiError) || error.status !== 422) { check.innerHTML = html`<p class="error">${error.message}</p>`.text; return null; }
      const p = error.problem;
      check.innerHTML = html`<p class="error" id="query-error">${p.detail}</p>${p.suggestions?.length ? html`<div class="suggestions">
        ${p.suggestions.map(x => html`<button type="button" class="quiet" data-suggestion="${x}" data-position="${p.position}" data-found="${p.found}">Use “${x}”</button>`)}</div>` : ""}`.text;
      return null;
    }
  };
  const preview = async () => {
    const result = await validate();
    const section = main.querySelector("#preview");
    if (!result) { section.innerHTML = ""; return; }
    section.innerHTML = html`<h2>Preview: ${result.matched} ${result.matched === 1 ? "match" : "matches"} in the last ${result.days} days</h2>
      <p class="meta">${result.scanned} ${result.scanned === 1 ? "article" : "articles"} tried${result.truncated ? " (stopped early: bounds reached)" : ""}.</p>
      <ol class="preview-list">${result.matches.map(m => html`<li>${m.url ? html`<a href="${m.url}" rel="noopener noreferrer">${m.title || m.url}</a>` : m.title}
        <span class="meta">— ${m.terms.join(", ")}</span></li>`)}</ol>`.text;
  };
  form.query.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(validate, 350); });
  check.addEventListener("click", event => {
    const button = event.target.closest("button[data-suggestion]");
    if (!button) return;
    const found = button.dataset.found.replace(/^'|'$/g, "");
    const start = Number(button.dataset.position) - 1;
    const text = form.query.value;
    form.query.value = text.slice(start, start + found.length) === found
      ? text.slice(0, start) + button.dataset.suggestion + text.slice(start + found.length)
      : text.replace(found, button.dataset.suggestion);
    form.query.focus();
    validate();
  });
  main.querySelectorAll("select[data-field]").forEach(select => select.addEventListener("change", () => {
    if (!select.value) return;
    const term = `${select.dataset.field}:${select.value}`;
    const q = form.query, at = q.selectionStart ?? q.value.length;
    const before = q.value.slice(0, at).trimEnd(), after = q.value.slice(at).trimStart();
    q.value = [before, term, after].filter(Boolean).join(" ");
    select.value = "";
    q.focus();
    validate();
  }));
  main.querySelector("#add-channel").addEventListener("click", () => {
    const list = main.querySelector("#channels");
    const i = list.children.length;
    list.insertAdjacentHTML("beforeend", channelRow({ type: "webhook", target: "" }, i).text);
    list.lastElementChild.querySelector("input").focus();
  });
  main.querySelector("#channels").addEventListener("click", event => {
    const button = event.target.closest("button[data-remove]");
    if (button) { button.closest(".channel").remove(); form.querySelector("#add-channel").focus(); }
  });
  main.querySelector("#preview-button").addEventListener("click", preview);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const error = main.querySelector("#save-error");
    error.textContent = "";
    try {
      const saved = existing
        ? await api(`/api/subscriptions/${encodeURIComponent(id)}`, { method: "PUT", body: request() })
        : await api("/api/subscriptions", { method: "POST", body: request() });
      announce(`Saved ${request().name}`);
      if (!existing && saved.signingSecret && request().channels.some(c => c.type === "webhook")) {
        main.innerHTML = html`<h1>Subscription created</h1><p>Webhook deliveries are signed with this secret. It is shown this once: copy it now.</p>
          <p class="secret">${saved.signingSecret}</p><p><a class="button" href="#/subscriptions">Back to subscriptions</a></p>`.text;
        main.querySelector("h1").focus();
      } else location.hash = "#/subscriptions";
    } catch (e) {
      error.textContent = e.message;
    }
  });
  if (s.query) validate();
  return () => clearTimeout(timer);
}
