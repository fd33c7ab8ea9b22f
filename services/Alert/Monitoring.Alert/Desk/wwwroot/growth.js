import { html, raw, escape } from "./html.js";

/** A breaking story's growth, hour by hour: new outlets per hour as bars, all outlets so far as a line, and the same as a table. */
export function growthChart(curve) {
  if (!curve?.length) return html`<p class="meta">No growth curve was recorded.</p>`;
  const width = 640, height = 200, left = 40, right = 40, top = 12, bottom = 32;
  const plotW = width - left - right, plotH = height - top - bottom;
  const total = Math.max(1, ...curve.map(p => p.outlets));
  const step = plotW / curve.length, barW = Math.max(2, step * 0.6);
  const y = n => top + plotH - (n / total) * plotH;
  const hour = p => p.hour.slice(11, 16);
  const bars = curve.map((p, i) => {
    const x = left + i * step + (step - barW) / 2;
    const text = `${p.hour.slice(0, 16).replace("T", " ")} UTC: ${p.newOutlets} new, ${p.outlets} in all`;
    return `<rect class="growth-bar" x="${x.toFixed(1)}" y="${y(p.newOutlets).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(p.newOutlets)).toFixed(1)}"><title>${escape(text)}</title></rect>`;
  }).join("");
  const line = curve.map((p, i) => `${(left + i * step + step / 2).toFixed(1)},${y(p.outlets).toFixed(1)}`).join(" ");
  const labels = curve.map((p, i) => (i % Math.ceil(curve.length / 8) === 0
    ? `<text class="axis-label" x="${(left + i * step + step / 2).toFixed(1)}" y="${height - 14}" text-anchor="middle">${hour(p)}</text>` : "")).join("");
  const svg = `<svg class="chart growth" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(`Growth: ${curve.at(-1).outlets} outlets over ${curve.length} hours`)}">
    <line class="axis" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"></line>
    <text class="axis-label" x="${left - 6}" y="${top + 10}" text-anchor="end">${total}</text>
    <text class="axis-label" x="${left - 6}" y="${top + plotH}" text-anchor="end">0</text>
    ${bars}<polyline class="goldstein" points="${line}"></polyline>${labels}
    <text class="axis-label" x="${left}" y="${height - 2}">outlets per hour (bars) and in all (line), UTC</text></svg>`;
  return html`${raw(svg)}
    <table class="growth-table"><caption class="visually-hidden">Growth per hour</caption>
      <thead><tr><th scope="col">Hour (UTC)</th><th scope="col">New outlets</th><th scope="col">Outlets so far</th></tr></thead>
      <tbody>${curve.filter(p => p.newOutlets).map(p => html`<tr><td>${p.hour.slice(0, 16).replace("T", " ")}</td><td>${p.newOutlets}</td><td>${p.outlets}</td></tr>`)}</tbody></table>`;
}
