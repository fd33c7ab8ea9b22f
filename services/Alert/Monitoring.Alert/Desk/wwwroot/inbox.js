import { api, apiPage, listen } from "./api.js";
import { html, when, announce } from "./html.js";
import { evidencePanel } from "./evidence.js";

const periods = { "": "Any time", "1": "Last 24 hours", "7": "Last 7 days", "30": "Last 30 days" };

/**
 * Alerts grouped by story, newest first: one card per story whichever subscriptions matched it. The page loads
 * the alerts and the subscriptions (two requests), then only what a person asks for: a card's evidence, a live alert.
 */
export async function inbox(main, { params }) {
  const started = performance.now();
  const [first, subscriptions] = await Promise.all([apiPage("/api/alerts?limit=500"), api("/api/subscriptions")]);
  const alerts = first.items;
  let older = first.next;
  const names = new Map(subscriptions.map(s => [s.subscriptionId, s.name]));
  const state = {
    alerts,
    filter: { subscription: params.get("subscription") || "", topic: params.get("topic") || "", country: params.get("country") || "", days: params.get("days") || "" },
    open: new Set(),
  };

  main.innerHTML = html`<h1>Inbox</h1>
    <form class="filters" id="filters" aria-label="Filter alerts">
      <div class="field"><label for="f-subscription">Subscription</label><select id="f-subscription" name="subscription">
        <option value="">All subscriptions</option>${subscriptions.map(s => html`<option value="${s.subscriptionId}">${s.name}</option>`)}</select></div>
      <div class="field"><label for="f-topic">Topic</label><select id="f-topic" name="topic"></select></div>
      <div class="field"><label for="f-country">Country</label><select id="f-country" name="country"></select></div>
      <div class="field"><label for="f-days">Time</label><select id="f-days" name="days">
        ${Object.entries(periods).map(([v, label]) => html`<option value="${v}">${label}</option>`)}</select></div>
      <p class="meta" id="live-state" aria-live="polite">Connecting to live alerts…</p>
    </form>
    <p class="meta" id="count"></p>
    <ul class="cards" id="cards"></ul>
    <p><button type="button" id="older" hidden>Load older alerts</button></p>`.text;

  const form = main.querySelector("#filters");
  const cards = main.querySelector("#cards");
  const options = () => {
    const topics = [...new Set(state.alerts.flatMap(a => a.topics))].sort();
    const countries = [...new Set(state.alerts.flatMap(a => a.countries))].sort();
    form.topic.innerHTML = html`<option value="">All topics</option>${topics.map(t => html`<option>${t}</option>`)}`.text;
    form.country.innerHTML = html`<option value="">All countries</option>${countries.map(c => html`<option>${c}</option>`)}`.text;
    for (const [name, value] of Object.entries(state.filter)) form[name].value = value;
  };

  const render = () => {
    const t0 = performance.now();
    const stories = group(state.alerts.filter(a => matches(a, state.filter)));
    cards.innerHTML = stories.map(s => card(s, names, state.open.has(s.storyId), state.evidence)).join("");
    main.querySelector("#count").textContent = `${stories.length} ${stories.length === 1 ? "story" : "stories"}, ${stories.reduce((n, s) => n + s.unread, 0)} unread`;
    window.desk.inboxRenderMs = performance.now() - t0;
  };

  options();
  render();
  window.desk.inboxLoadMs = performance.now() - started;

  // The newest 500 come first; older pages only when asked for, following the API's own next link.
  const olderButton = main.querySelector("#older");
  olderButton.hidden = !older;
  olderButton.addEventListener("click", async () => {
    olderButton.disabled = true;
    try {
      const page = await apiPage(older);
      const known = new Set(state.alerts.map(a => a.alertId));
      state.alerts = [...state.alerts, ...page.items.filter(a => !known.has(a.alertId))];
      older = page.next;
      options();
      render();
      announce(`${page.items.length} older alerts loaded`);
    } catch (error) {
      announce(error.message);
    } finally {
      olderButton.disabled = false;
      olderButton.hidden = !older;
    }
  });

  form.addEventListener("change", () => {
    state.filter = Object.fromEntries(new FormData(form));
    render();
  });

  cards.addEventListener("click", async event => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const { action, alert: alertId, story: storyId } = button.dataset;
    const storyAlerts = state.alerts.filter(a => a.storyId === storyId);
    button.disabled = true;
    try {
      if (action === "read" || action === "unread") {
        await Promise.all(storyAlerts.map(a => api(`/api/alerts/${encodeURIComponent(a.alertId)}/read`, { method: action === "read" ? "PUT" : "DELETE" })));
        const at = action === "read" ? new Date().toISOString() : null;
        storyAlerts.forEach(a => update(a.alertId, { readAt: at }));
        announce(action === "read" ? "Marked read" : "Marked unread");
      } else if (action === "not-relevant") {
        await api(`/api/alerts/${encodeURIComponent(alertId)}/feedback`, { method: "POST", body: { relevant: false } });
        update(alertId, { notRelevantAt: new Date().toISOString(), relevantAt: null });
        announce("Marked not relevant; nothing more from this story for that subscription. Undo is on the card.");
      } else if (action === "undo") {
        await api(`/api/alerts/${encodeURIComponent(alertId)}/feedback`, { method: "DELETE" });
        update(alertId, { notRelevantAt: null, relevantAt: null });
        announce("Verdict undone");
      } else if (action === "evidence") {
        if (state.open.has(storyId)) state.open.delete(storyId);
        else {
          state.open.add(storyId);
          if (!state.evidence?.[alertId]) {
            state.evidence = state.evidence || {};
            state.evidence[alertId] = await api(`/api/alerts/${encodeURIComponent(alertId)}/article`);
          }
        }
      }
    } catch (error) {
      announce(error.message);
      alert(error.message);
    }
    replaceCard(storyId);
  });

  // Edits per alert, so a live fetch that started before an edit cannot undo it on screen.
  const edits = new Map();
  const update = (alertId, changes) => {
    edits.set(alertId, (edits.get(alertId) || 0) + 1);
    Object.assign(state.alerts.find(a => a.alertId === alertId), changes);
  };
  const replaceCard = storyId => {
    const stories = group(state.alerts.filter(a => a.storyId === storyId));
    const node = cards.querySelector(`[data-story="${CSS.escape(storyId)}"]`);
    if (!node || !stories.length) return render();
    const fresh = document.createElement("template");
    fresh.innerHTML = card(stories[0], names, state.open.has(storyId), state.evidence);
    const focused = document.activeElement?.dataset?.action;
    node.replaceWith(fresh.content.firstElementChild);
    const again = cards.querySelector(`[data-story="${CSS.escape(storyId)}"] button[data-action="${focused}"]`)
      || cards.querySelector(`[data-story="${CSS.escape(storyId)}"] button`);
    again?.focus();
  };

  // Live alerts: the stream says which alert; one request fetches it with its story's counts.
  const stop = new AbortController();
  const live = main.querySelector("#live-state");
  listen("/api/alerts/stream", async item => {
    if (item.event !== "alert") return;
    const raised = JSON.parse(item.data);
    try {
      const editsBefore = edits.get(raised.alertId);
      const fresh = await api(`/api/alerts/${encodeURIComponent(raised.alertId)}`);
      const local = state.alerts.find(a => a.alertId === fresh.alertId);
      if (local && edits.get(raised.alertId) !== editsBefore) {
        Object.assign(fresh, { readAt: local.readAt, notRelevantAt: local.notRelevantAt, relevantAt: local.relevantAt });
      }
      state.alerts = [fresh, ...state.alerts.filter(a => a.alertId !== fresh.alertId)];
      options();
      render();
      announce(`New alert: ${fresh.latestTitle || fresh.title || "untitled"}`);
    } catch (error) {
      announce(error.message);
    }
  }, stop.signal, s => { live.textContent = s === "live" ? "Live: new alerts appear here." : s === "refused" ? "Live alerts refused." : "Reconnecting to live alerts…"; });

  return () => stop.abort();
}

function matches(alert, filter) {
  if (filter.subscription && alert.subscriptionId !== filter.subscription) return false;
  if (filter.topic && !alert.topics.includes(filter.topic)) return false;
  if (filter.country && !alert.countries.includes(filter.country)) return false;
  if (filter.days && Date.parse(alert.updatedAt || alert.raisedAt) < Date.now() - Number(filter.days) * 86400000) return false;
  return true;
}

/** Alerts of one story together (one per subscription that matched it), newest story first. */
function group(alerts) {
  const stories = new Map();
  for (const alert of alerts) {
    let story = stories.get(alert.storyId);
    if (!story) stories.set(alert.storyId, story = { storyId: alert.storyId, alerts: [], latest: "", unread: 0 });
    story.alerts.push(alert);
    const at = alert.updatedAt || alert.raisedAt;
    if (at > story.latest) story.latest = at;
    if (!alert.readAt) story.unread = 1;
  }
  return [...stories.values()].sort((a, b) => (a.latest < b.latest ? 1 : -1));
}

function card(story, names, open, evidence = {}) {
  const first = story.alerts[0];
  const outlets = [...new Set(story.alerts.flatMap(a => a.outlets))];
  const articles = Math.max(...story.alerts.map(a => a.articleCount));
  const topics = [...new Set(story.alerts.flatMap(a => a.topics))];
  const countries = [...new Set(story.alerts.flatMap(a => a.countries))];
  const title = first.latestTitle || first.title || "(untitled)";
  const id = `story-${story.storyId}`;
  const shown = open && story.alerts.map(a => evidence[a.alertId]).find(Boolean);
  return html`<li class="card${story.unread ? " unread" : ""}" data-story="${story.storyId}" aria-labelledby="${id}">
    <h3 id="${id}">${story.unread ? html`<span class="visually-hidden">Unread: </span>` : ""}${first.url ? html`<a href="${first.latestUrl || first.url}" rel="noopener noreferrer">${title}</a>` : title}</h3>
    <p class="meta">${outlets.length ? outlets.join(", ") : "unknown source"} · ${outlets.length} ${outlets.length === 1 ? "outlet" : "outlets"} · ${articles} ${articles === 1 ? "article" : "articles"} · ${when(story.latest)}</p>
    ${signals(story.alerts)}
    <ul class="chips" aria-label="Topics">${topics.map(t => html`<li class="chip">${t}</li>`)}</ul>
    <ul class="chips" aria-label="Countries">${countries.map(c => html`<li class="chip">${c}</li>`)}</ul>
    <ul class="matched" aria-label="Matched subscriptions">${story.alerts.map(a => html`<li>
      <span>Matched <strong>${names.get(a.subscriptionId) || a.subscriptionId}</strong></span>
      ${a.notRelevantAt
        ? html`<span class="verdict">Not relevant</span><button type="button" class="quiet" data-action="undo" data-alert="${a.alertId}" data-story="${story.storyId}">Undo not relevant</button>`
        : html`<button type="button" class="quiet" data-action="not-relevant" data-alert="${a.alertId}" data-story="${story.storyId}">Not relevant</button>`}
    </li>`)}</ul>
    <div class="actions">
      <button type="button" data-action="${story.unread ? "read" : "unread"}" data-story="${story.storyId}">${story.unread ? "Mark read" : "Mark unread"}</button>
      <button type="button" class="quiet" data-action="evidence" data-alert="${first.alertId}" data-story="${story.storyId}" aria-expanded="${open ? "true" : "false"}">${open ? "Hide evidence" : "Show evidence"}</button>
      <a class="button quiet" href="#/alert/${encodeURIComponent(first.alertId)}">Open alert</a>
      ${first.corroboration ? "" : html`<a class="button quiet" href="#/story/${encodeURIComponent(story.storyId)}">Open story</a>`}
    </div>
    ${shown ? evidencePanel(shown) : ""}
  </li>`.text;
}

/** What an alert says beyond its story: a corroborated event (outlets, first report, dispute), a breaking story, a relation shift. */
function signals(alerts) {
  const corroborated = alerts.find(a => a.corroboration)?.corroboration;
  const breaking = alerts.find(a => a.breaking)?.breaking;
  const shifts = [...new Map(alerts.flatMap(a => a.shifts || []).map(s => [s.shiftId, s])).values()];
  const first = corroborated?.reports[0];
  return html`${corroborated ? html`<p class="signal">Corroborated: <strong>${corroborated.independentOutlets} independent outlets</strong>${first ? html` · first ${first.outlet}${first.stateAffiliated ? html` <span class="tag state">state-affiliated</span>` : ""} at ${when(first.reportedAt)}` : ""}${corroborated.disputed ? html` · <strong class="error">Disputed</strong>` : ""}</p>` : ""}
    ${breaking ? html`<p class="signal">Breaking: ${breaking.summary}</p>` : ""}
    ${shifts.map(s => html`<p class="signal">Relation shift: ${s.summary}</p>`)}`;
}
