import { api, saveBlob } from "./api.js";
import { html, escape, quadNames, announce } from "./html.js";

let countryList = null;

/**
 * Coded events between two countries (or one and any other) over time: counts per day by quad class as stacked
 * bars and the day's mean Goldstein value as a line; a bar (or its row in the table) shows the sentences behind
 * it. The selection exports as CSV with GDELT's field names.
 */
export async function events(main, { params }) {
  countryList ??= await api("/api/vocabulary/countries");
  const today = new Date();
  const a = params.get("a") || (params.get("pair") || "").split("-")[0] || "CHN";
  const b = params.get("b") || (params.get("pair") || "").split("-")[1] || "";
  const since = params.get("since") || isoDay(new Date(today.getTime() - 29 * 86400000));
  const until = params.get("until") || isoDay(today);

  const options = (selected, any) => html`${any ? html`<option value="">Any country</option>` : ""}${countryList.map(c =>
    html`<option value="${c.id}"${c.id === selected ? html` selected` : ""}>${c.name} (${c.id})</option>`)}`;
  main.innerHTML = html`<h1>Events explorer</h1>
    <form id="selection" class="inline" aria-label="Events to show">
      <div class="field"><label for="a">Country</label><select id="a" name="a">${options(a, false)}</select></div>
      <div class="field"><label for="b">With</label><select id="b" name="b">${options(b, true)}</select></div>
      <div class="field"><label for="since">From</label><input id="since" name="since" type="date" value="${since}"></div>
      <div class="field"><label for="until">To (inclusive)</label><input id="until" name="until" type="date" value="${until}"></div>
      <button type="submit">Show</button>
      <button type="button" class="quiet" id="export">Export CSV</button>
    </form>
    <div id="result"></div>
    <section id="sentences" aria-live="polite"></section>`.text;

  const form = main.querySelector("#selection");
  const filter = () => {
    const f = Object.fromEntries(new FormData(form));
    const query = new URLSearchParams();
    if (f.b) query.set("pair", `${f.a}-${f.b}`); else query.set("country", f.a);
    if (f.since) query.set("since", `${f.since}T00:00:00Z`);
    if (f.until) query.set("until", `${isoDay(new Date(Date.parse(f.until) + 86400000))}T00:00:00Z`);
    return { f, query };
  };

  let shown = new Map();
  const show = async () => {
    const { f, query } = filter();
    const [days, shifts] = await Promise.all([api(`/api/events/daily?${query}`), api(`/api/relation-shifts?${shiftQuery(f)}`)]);
    const label = f.b ? `${f.a} and ${f.b}` : `${f.a} and any country`;
    shown = new Map(shifts.map(s => [s.shiftId, s]));
    main.querySelector("#result").innerHTML = chart(days, f.since, f.until, label, shifts);
    main.querySelector("#sentences").innerHTML = "";
    history.replaceState(null, "", `#/events?a=${f.a}&b=${f.b}&since=${f.since}&until=${f.until}`);
    announce(`${days.reduce((n, d) => n + d.count, 0)} events between ${label}`);
  };

  form.addEventListener("submit", event => { event.preventDefault(); show(); });
  main.querySelector("#export").addEventListener("click", async () => {
    const { f, query } = filter();
    const blob = await api(`/api/events/export?${query}`);
    saveBlob(blob, `events-${f.a}-${f.b || "any"}-${f.since}-${f.until}.csv`);
    announce("CSV exported");
  });
  main.querySelector("#result").addEventListener("click", async event => {
    const marker = event.target.closest("[data-shift]");
    if (marker && shown.has(marker.dataset.shift)) return showShift(main.querySelector("#sentences"), shown.get(marker.dataset.shift));
    const point = event.target.closest("[data-day]");
    if (!point) return;
    const { query } = filter();
    query.set("since", `${point.dataset.day}T00:00:00Z`);
    query.set("until", `${isoDay(new Date(Date.parse(point.dataset.day) + 86400000))}T00:00:00Z`);
    if (point.dataset.quad) query.set("quad", point.dataset.quad);
    query.set("limit", "200");
    const found = await api(`/api/events/coded?${query}`);
    const section = main.querySelector("#sentences");
    section.innerHTML = html`<h2 tabindex="-1">Sentences on ${point.dataset.day}${point.dataset.quad ? `, ${quadNames[point.dataset.quad]}` : ""}</h2>
      <ul>${found.map(e => html`<li><strong>${e.actor1Name} (${e.actor1Code}) → ${e.actor2Name} (${e.actor2Code})</strong>, CAMEO ${e.eventCode}, Goldstein ${e.goldsteinScale}:
        <q>${e.sentence}</q> <span class="meta">${e.sourceName || ""}</span>
        <a href="#/story/${encodeURIComponent(e.storyId)}">story</a></li>`)}</ul>`.text;
    section.querySelector("h2").focus();
  });
  // A shift marker shows its summary while pointed at or focused; the list under the chart says the same for everyone.
  const detail = marker => {
    const out = main.querySelector("#shift-detail");
    if (out && marker) out.textContent = marker.getAttribute("aria-label");
  };
  main.querySelector("#result").addEventListener("mouseover", event => detail(event.target.closest("[data-shift]")));
  main.querySelector("#result").addEventListener("focusin", event => detail(event.target.closest("[data-shift]")));
  main.querySelector("#result").addEventListener("keydown", event => {
    const target = event.target.closest("[data-day], [data-shift]");
    if ((event.key === "Enter" || event.key === " ") && target) { event.preventDefault(); target.dispatchEvent(new MouseEvent("click", { bubbles: true })); }
  });

  await show();
  return null;
}

/** A shift opened from its marker: its summary and the events that moved it. */
function showShift(section, s) {
  section.innerHTML = html`<h2 tabindex="-1">Relation shift on ${s.openedAt.slice(0, 10)}</h2><p><strong>${s.summary}</strong></p>
    <p class="meta">${s.recentFrom} to ${s.recentTo}, ${s.recentEvents} events, against the baseline from ${s.baselineFrom}, ${s.baselineEvents} events.</p>
    <ul>${s.events.map(e => html`<li>${e.day}: ${e.source} → ${e.target}, CAMEO ${e.cameo}${e.title ? html` — ${e.title}` : ""}
      <a href="#/story/${encodeURIComponent(e.storyId)}">story</a></li>`)}</ul>`.text;
  section.querySelector("h2").focus();
}

function isoDay(date) { return date.toISOString().slice(0, 10); }

/** The shifts of the pair, or of every pair of the country, detected since the period's first day (at most a year back). */
function shiftQuery(f) {
  const days = Math.min(365, Math.max(1, Math.ceil((Date.now() - Date.parse(f.since || isoDay(new Date()))) / 86400000) + 1));
  return new URLSearchParams({ ...(f.b ? { pair: `${f.a}-${f.b}` } : { country: f.a }), days: String(days), limit: "200" });
}

/** Stacked bars per day and quad class, the mean Goldstein line, the relation shifts on the time axis, and the same numbers as a table. */
function chart(days, since, until, label, shifts = []) {
  const dates = [];
  for (let t = Date.parse(since); t <= Date.parse(until); t += 86400000) dates.push(isoDay(new Date(t)));
  const byDay = new Map(dates.map(d => [d, { total: 0, quads: {}, goldstein: 0 }]));
  for (const d of days) {
    const day = byDay.get(d.day);
    if (!day) continue;
    day.quads[d.quadClass] = d;
    day.total += d.count;
    day.goldstein += d.meanGoldstein * d.count;
  }
  const width = 960, height = 320, left = 48, right = 48, top = 16, bottom = 40;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = Math.max(1, ...[...byDay.values()].map(d => d.total));
  const step = plotW / Math.max(1, dates.length), barW = Math.max(2, step * 0.7);
  const y = n => top + plotH - (n / max) * plotH;
  const g = v => top + plotH / 2 - (v / 10) * (plotH / 2);
  let bars = "", line = [];
  dates.forEach((date, i) => {
    const day = byDay.get(date);
    const x = left + i * step + (step - barW) / 2;
    let base = 0;
    for (const quad of [1, 2, 3, 4]) {
      const q = day.quads[quad];
      if (!q) continue;
      const text = `${date}, ${quadNames[quad]}: ${q.count} ${q.count === 1 ? "event" : "events"}, mean Goldstein ${q.meanGoldstein}`;
      bars += `<g class="bar-hit" role="button" tabindex="0" data-day="${date}" data-quad="${quad}" aria-label="${escape(text)}"><title>${escape(text)}</title>
        <rect class="q${quad}" x="${x.toFixed(1)}" y="${y(base + q.count).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + q.count)).toFixed(1)}"></rect></g>`;
      base += q.count;
    }
    if (day.total) line.push([x + barW / 2, g(day.goldstein / day.total), date, day.goldstein / day.total]);
  });
  const marked = shifts.map(s => ({ ...s, day: s.openedAt.slice(0, 10) })).filter(s => byDay.has(s.day)).sort((x, y) => (x.openedAt < y.openedAt ? -1 : 1));
  const xOf = day => left + dates.indexOf(day) * step + step / 2;
  const markers = marked.map(s => {
    const from = dates.includes(s.recentFrom) ? s.recentFrom : dates[0];
    const text = `Relation shift on ${s.day}: ${s.summary}`;
    return `<rect class="shift-band" x="${(xOf(from) - step / 2).toFixed(1)}" y="${top}" width="${(xOf(s.day) - xOf(from) + step).toFixed(1)}" height="${plotH}"></rect>
      <line class="shift-line" x1="${xOf(s.day).toFixed(1)}" y1="${top}" x2="${xOf(s.day).toFixed(1)}" y2="${top + plotH}"></line>
      <g class="shift-hit" role="button" tabindex="0" data-shift="${escape(s.shiftId)}" aria-label="${escape(text)}"><title>${escape(text)}</title>
        <circle cx="${xOf(s.day).toFixed(1)}" cy="${top + 6}" r="6"></circle></g>`;
  }).join("");
  const labels = dates.map((d, i) => (i % Math.ceil(dates.length / 8) === 0
    ? `<text class="axis-label" x="${(left + i * step + step / 2).toFixed(1)}" y="${height - 20}" text-anchor="middle">${d.slice(5)}</text>` : "")).join("");
  const svg = `<svg class="chart" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escape(`Coded events per day between ${label}`)}">
    <line class="axis" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"></line>
    <line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}"></line>
    <text class="axis-label" x="${left - 6}" y="${top + 10}" text-anchor="end">${max}</text>
    <text class="axis-label" x="${left - 6}" y="${top + plotH}" text-anchor="end">0</text>
    <text class="axis-label" x="${left + plotW + 6}" y="${top + 10}">+10</text>
    <text class="axis-label" x="${left + plotW + 6}" y="${top + plotH / 2 + 4}">0</text>
    <text class="axis-label" x="${left + plotW + 6}" y="${top + plotH}">−10</text>
    ${markers}${bars}${line.length > 1 ? `<polyline class="goldstein" points="${line.map(p => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(" ")}"></polyline>` : ""}
    ${line.map(p => `<circle class="goldstein-point" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="4"><title>${p[2]}: mean Goldstein ${p[3].toFixed(2)}</title></circle>`).join("")}${labels}
    <text class="axis-label" x="${left}" y="${height - 4}">events per day (left) · mean Goldstein, −10 conflict to +10 cooperation (right)</text>
  </svg>`;
  const legend = html`<ul class="legend" aria-label="Quad classes">${[1, 2, 3, 4].map(q => html`<li><span class="swatch q${q}"></span>${quadNames[q]}</li>`)}
    <li><span class="swatch line"></span>mean Goldstein</li>${marked.length ? html`<li><span class="swatch shift"></span>relation shift (its recent window shaded)</li>` : ""}</ul>`;
  const shiftList = marked.length
    ? html`<p id="shift-detail" class="meta" aria-live="polite">Point at or focus a shift marker for its summary.</p>
      <h2 id="shifts-title">Relation shifts in this period</h2>
      <ul class="shift-list" aria-labelledby="shifts-title">${marked.map(s => html`<li><strong>${s.day}</strong>: ${s.summary}${s.closedAt ? html` <span class="meta">(returned ${s.closedAt.slice(0, 10)})</span>` : ""}</li>`)}</ul>`
    : html``;
  const rows = dates.filter(d => byDay.get(d).total).map(d => {
    const day = byDay.get(d);
    return html`<tr><th scope="row"><button type="button" class="quiet" data-day="${d}">${d}</button></th>
      ${[1, 2, 3, 4].map(q => html`<td>${day.quads[q]?.count || 0}</td>`)}<td>${(day.goldstein / day.total).toFixed(2)}</td></tr>`;
  });
  const table = rows.length
    ? html`<table><caption class="visually-hidden">Events per day</caption><thead><tr><th scope="col">Day</th>${[1, 2, 3, 4].map(q => html`<th scope="col">${quadNames[q]}</th>`)}<th scope="col">Mean Goldstein</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p>No coded events between ${label} in this period.</p>`;
  return svg + legend.text + shiftList.text + table.text;
}
