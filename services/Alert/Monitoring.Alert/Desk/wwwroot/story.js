import { api } from "./api.js";
import { html, when, quadNames } from "./html.js";

/**
 * One story: every outlet that carried it with when it was first seen, the coded events with their sentences,
 * the countries and people named. Three requests, whatever the story's size: the story (ingest), its classified
 * articles and its coded events (classify).
 */
export async function story(main, { id }) {
  const q = encodeURIComponent(id);
  const [summary, articles, events] = await Promise.all([
    api(`/api/stories/${q}`),
    api(`/api/classified-articles?story=${q}&limit=500`),
    api(`/api/events/coded?story=${q}&limit=500`),
  ]);
  const byOutlet = new Map();
  for (const a of [...articles].sort((x, y) => (x.ingestedAt < y.ingestedAt ? -1 : 1))) {
    const outlet = a.source || "unknown";
    if (!byOutlet.has(outlet)) byOutlet.set(outlet, { outlet, firstSeen: a.ingestedAt, article: a, count: 0 });
    byOutlet.get(outlet).count++;
  }

  const named = type => {
    const found = new Map();
    for (const a of articles) for (const e of a.entities || []) {
      if (e.type !== type) continue;
      const entry = found.get(e.id) || { name: e.name, code: e.code, mentions: 0 };
      entry.mentions += e.mentions.length;
      found.set(e.id, entry);
    }
    return [...found.values()].sort((a, b) => b.mentions - a.mentions);
  };
  const countries = named("country"), people = named("person"), organisations = named("organisation");
  const title = articles.find(a => a.title)?.title || `Story ${id}`;

  main.innerHTML = html`<h1>${title}</h1>
    <p class="meta">${summary.articleCount} ${summary.articleCount === 1 ? "article" : "articles"} from ${summary.outletCount} ${summary.outletCount === 1 ? "outlet" : "outlets"};
      first seen ${when(summary.firstSeenAt)}, last ${when(summary.lastSeenAt)}.</p>
    <h2 id="outlets">Outlets</h2>
    <table aria-labelledby="outlets"><thead><tr><th scope="col">Outlet</th><th scope="col">First seen</th><th scope="col">Article</th><th scope="col">Copies</th></tr></thead>
      <tbody>${[...byOutlet.values()].map(o => html`<tr><td>${o.outlet}</td><td>${when(o.firstSeen)}</td>
        <td>${o.article.url ? html`<a href="${o.article.url}" rel="noopener noreferrer">${o.article.title || o.article.url}</a>` : o.article.title}</td><td>${o.count}</td></tr>`)}</tbody></table>
    <h2 id="events">Coded events</h2>
    ${events.length ? html`<table aria-labelledby="events"><thead><tr><th scope="col">Who → whom</th><th scope="col">CAMEO</th><th scope="col">Class</th><th scope="col">Goldstein</th><th scope="col">Sentence</th></tr></thead>
      <tbody>${events.map(e => html`<tr><td>${e.actor1Name} (${e.actor1Code}) → ${e.actor2Name} (${e.actor2Code})</td><td>${e.eventCode}</td>
        <td>${quadNames[e.quadClass]}</td><td>${e.goldsteinScale}</td><td>${sentence(e)}</td></tr>`)}</tbody></table>`
      : html`<p>No events were coded in this story.</p>`}
    <h2>Countries</h2>${list(countries)}
    <h2>People</h2>${list(people)}
    <h2>Organisations</h2>${list(organisations)}
    <p><a href="#/events?pair=${pairOf(events)}">Follow these countries over time</a></p>`.text;
  return null;
}

function sentence(e) {
  const at = e.sentence.indexOf(e.trigger);
  if (at < 0) return e.sentence;
  return html`${e.sentence.slice(0, at)}<mark class="event">${e.trigger}</mark>${e.sentence.slice(at + e.trigger.length)}`;
}

function list(entries) {
  return entries.length
    ? html`<ul class="chips">${entries.map(e => html`<li class="chip">${e.name} <span class="meta">${e.code}</span> · ${e.mentions}</li>`)}</ul>`
    : html`<p class="meta">None named.</p>`;
}

function pairOf(events) {
  const e = events[0];
  return e ? encodeURIComponent(`${e.actor1CountryCode}-${e.actor2CountryCode}`) : "";
}
