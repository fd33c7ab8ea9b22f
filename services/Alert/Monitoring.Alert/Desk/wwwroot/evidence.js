import { escape, html, quadNames, raw } from "./html.js";

/** The text the classifier read, which evidence offsets refer to: the title, a line break, the body (unless the body starts with the title). */
export function classifiedText(article) {
  const title = article.title || "";
  return !title.trim() || article.text.startsWith(title) ? article.text : `${title}\n${article.text}`;
}

/** Every highlight of an article: topic evidence, actor mentions and event triggers, with what each means. */
export function spansOf(article) {
  const spans = [];
  for (const topic of article.topics || []) {
    for (const e of topic.evidence || []) if (e.weight !== 0) spans.push({ start: e.start, end: e.end, kind: "topic", label: `topic ${topic.id} (${e.rule})` });
  }
  for (const entity of article.entities || []) {
    for (const m of entity.mentions || []) spans.push({ start: m.start, end: m.end, kind: "actor", label: `${entity.type} ${entity.name} (${entity.code})` });
  }
  for (const event of article.events || []) {
    spans.push({ start: event.triggerStart, end: event.triggerEnd, kind: "event", label: `CAMEO ${event.cameo}, ${event.source.code} to ${event.target.code}` });
  }
  return spans;
}

/**
 * The text as HTML with <mark>s: overlapping spans are resolved by priority (an event trigger over topic evidence
 * over an actor mention), so marks never nest or cross.
 */
export function highlight(text, spans) {
  const priority = { event: 0, topic: 1, actor: 2 };
  const chosen = [];
  for (const span of [...spans].filter(s => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => priority[a.kind] - priority[b.kind] || a.start - b.start)) {
    if (!chosen.some(c => c.start < span.end && span.start < c.end)) chosen.push(span);
  }
  chosen.sort((a, b) => a.start - b.start);
  let out = "", at = 0;
  for (const span of chosen) {
    out += escape(text.slice(at, span.start));
    out += `<mark class="${span.kind}" title="${escape(span.label)}">${escape(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return out + escape(text.slice(at));
}

/** The evidence panel of an alert card: the highlighted text and what was found, each with its proof. */
export function evidencePanel(article) {
  const text = classifiedText(article);
  const topics = (article.topics || []).map(t => html`<li><strong>${t.id}</strong> (score ${t.score}): ${
    (t.evidence || []).filter(e => e.weight !== 0).slice(0, 6).map(e => html`<q>${e.text}</q> `)}</li>`);
  const actors = (article.entities || []).filter(e => e.type !== "role").map(e => html`<li>${e.name} <span class="meta">${e.type}, ${e.code}</span></li>`);
  const events = (article.events || []).slice(0, 12).map(e => html`<li><strong>${e.source.code} → ${e.target.code}</strong>
    CAMEO ${e.cameo} (${quadNames[e.quadClass]}, Goldstein ${e.goldstein}): <q>${e.sentence}</q></li>`);
  return html`<div class="evidence">
    <p class="meta">Highlighted: <mark class="topic">topic evidence</mark> <mark class="actor">actors</mark> <mark class="event">event triggers</mark></p>
    <div class="text" tabindex="0" aria-label="Article text with evidence highlighted">${raw(highlight(text, spansOf(article)))}</div>
    <h4>Topics</h4><ul>${topics}</ul>
    ${actors.length ? html`<h4>Actors</h4><ul>${actors}</ul>` : ""}
    ${events.length ? html`<h4>Events</h4><ul>${events}</ul>` : ""}
  </div>`;
}
