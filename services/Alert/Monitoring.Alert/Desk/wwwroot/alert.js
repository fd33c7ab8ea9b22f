import { api } from "./api.js";
import { html, when } from "./html.js";
import { growthChart } from "./growth.js";

/**
 * One alert with what it carries: a corroborated event's provenance (who reported it first and when, who followed,
 * which copies were syndicated, which outlets are state-affiliated, the denials that dispute it), the relation
 * shifts it fired with the events that moved them, and a breaking story's growth curve. One request.
 */
export async function alert(main, { id }) {
  const a = await api(`/api/alerts/${encodeURIComponent(id)}`);
  const title = a.latestTitle || a.title || "(untitled)";
  const isEvent = !!a.corroboration;
  main.innerHTML = html`<h1>${title}</h1>
    <p class="meta">Raised ${when(a.raisedAt)} · ${a.outlets.length} ${a.outlets.length === 1 ? "outlet" : "outlets"} · ${a.articleCount} ${a.articleCount === 1 ? "article" : "articles"}
      ${a.url ? html` · <a href="${a.latestUrl || a.url}" rel="noopener noreferrer">the article</a>` : ""}
      ${isEvent ? "" : html` · <a href="#/story/${encodeURIComponent(a.storyId)}">Open story</a>`}</p>
    ${a.corroboration ? provenance(a.corroboration) : ""}
    ${(a.shifts || []).length ? shifts(a.shifts) : ""}
    ${a.breaking ? breaking(a.breaking) : ""}
    ${!isEvent && !(a.shifts || []).length && !a.breaking ? html`<p>A story alert: its outlets and events are on the <a href="#/story/${encodeURIComponent(a.storyId)}">story page</a>.</p>` : ""}
    <p><a href="#/inbox">Back to the inbox</a></p>`.text;
  return null;
}

/** The corroborated event: first outlet and time, every later report in order, syndicated copies and state outlets marked, denials. */
export function provenance(c) {
  const [first] = c.reports;
  return html`<section aria-labelledby="provenance-title" class="provenance">
    <h2 id="provenance-title">Corroborated event: ${c.source} → ${c.target}, CAMEO ${c.root}</h2>
    ${c.disputed ? html`<p class="disputed" role="note"><strong>Disputed.</strong> ${c.denials.length === 1 ? "One denial" : `${c.denials.length} denials`} by one of the two sides in the same window.</p>` : ""}
    <p><strong>${c.independentOutlets} independent ${c.independentOutlets === 1 ? "outlet" : "outlets"}</strong> reported it in separately written articles${c.required ? html` (the subscription asks for ${c.required})` : ""};
      syndicated copies count once. Window ${when(c.windowStart)} to ${when(c.windowEnd)}.</p>
    ${first ? html`<p class="first-report">First: <strong>${first.outlet}</strong>${badge(first)} at ${when(first.reportedAt)}</p>` : ""}
    <table class="reports" aria-labelledby="provenance-title"><thead><tr><th scope="col">#</th><th scope="col">Outlet</th><th scope="col">Reported</th><th scope="col">Article</th><th scope="col">Counts as</th></tr></thead>
      <tbody>${c.reports.map((r, i) => html`<tr class="${r.syndicated ? "syndicated" : ""}"><td>${i + 1}</td><td>${r.outlet}${badge(r)}</td><td>${when(r.reportedAt)}</td>
        <td>${article(r)} <span class="meta">CAMEO ${r.cameo}</span></td>
        <td>${r.syndicated ? html`<span class="tag">syndicated copy</span> counted once, with the story's first report` : "separately written"}</td></tr>`)}</tbody></table>
    ${c.denials.length ? html`<h3 id="denials-title">Denials</h3>
      <ul class="denials" aria-labelledby="denials-title">${c.denials.map(d => html`<li><strong>${d.outlet}</strong>${badge(d)} at ${when(d.reportedAt)}: ${article(d)} <span class="meta">CAMEO ${d.cameo}</span></li>`)}</ul>` : ""}
  </section>`;
}

/** "state-affiliated, RUS" for an outlet the shipped list marks as such; its ownership otherwise; nothing when unlisted. */
function badge(r) {
  if (r.stateAffiliated === true) return html` <span class="tag state">state-affiliated${r.outletCountry ? `, ${r.outletCountry}` : ""}</span>`;
  if (r.ownership) return html` <span class="meta">(${r.ownership}${r.outletCountry ? `, ${r.outletCountry}` : ""})</span>`;
  return "";
}

function article(r) {
  const text = r.title || r.url || r.articleId;
  return r.url ? html`<a href="${r.url}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}

function shifts(list) {
  return html`<section aria-labelledby="shifts-title"><h2 id="shifts-title">Relation ${list.length === 1 ? "shift" : "shifts"}</h2>
    ${list.map(s => html`<div class="panel"><p><strong>${s.summary}</strong></p>
      <p class="meta">${s.recentFrom} to ${s.recentTo} (${s.recentEvents} events) against the baseline from ${s.baselineFrom} (${s.baselineEvents} events).
        <a href="#/events?a=${s.pair.split("-")[0]}&b=${s.pair.split("-")[1]}">See ${s.pair} on the events chart</a></p>
      <ul>${s.events.map(e => html`<li>${e.day}: ${e.source} → ${e.target}, CAMEO ${e.cameo}${e.title ? html` — ${e.url ? html`<a href="${e.url}" rel="noopener noreferrer">${e.title}</a>` : e.title}` : ""}</li>`)}</ul></div>`)}
  </section>`;
}

function breaking(b) {
  return html`<section aria-labelledby="breaking-title"><h2 id="breaking-title">Breaking story</h2>
    <p><strong>${b.summary}</strong></p>
    ${growthChart(b.curve)}
  </section>`;
}
