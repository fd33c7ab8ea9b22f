import { api, ApiError, session } from "./api.js";
import { html, when, announce } from "./html.js";

/** Feeds ingest polls, with their last poll, items and errors; add and remove. Needs ingest's admin key, asked once per tab. */
export async function sources(main) {
  if (!session.adminKey) return askKey(main);
  let list;
  try {
    list = await api("/api/sources", { key: session.adminKey });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) { session.adminKey = null; return askKey(main, error.message); }
    throw error;
  }
  main.innerHTML = html`<h1>Sources</h1>
    <table><thead><tr><th scope="col">Feed</th><th scope="col">Last poll</th><th scope="col">Outcome</th><th scope="col">Items seen / new</th><th scope="col">Errors</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${list.map(s => html`<tr data-id="${s.id}"><td><strong>${s.name || s.id}</strong><br><span class="meta">${s.url}</span></td>
      <td>${s.status.lastPolledAt ? when(s.status.lastPolledAt) : "never"}</td><td>${s.status.lastOutcome || "—"}${s.status.lastError ? html`<br><span class="error">${s.status.lastError}</span>` : ""}</td>
      <td>${s.status.totalItemsSeen} / ${s.status.totalItemsNew}</td><td>${s.status.totalErrors}</td>
      <td><button type="button" class="danger" data-remove="${s.id}" aria-label="Remove ${s.name || s.id}">Remove</button></td></tr>`)}</tbody></table>
    ${list.length ? "" : html`<p>No feeds yet.</p>`}
    <h2>Add a feed</h2>
    <form id="add" class="inline">
      <div class="field"><label for="feed-id">Id</label><input id="feed-id" name="id" required pattern="[a-z0-9][a-z0-9-]{0,63}" size="16"></div>
      <div class="field"><label for="feed-url">Feed URL (RSS or Atom)</label><input id="feed-url" name="url" type="url" required size="40"></div>
      <div class="field"><label for="feed-name">Name</label><input id="feed-name" name="name" size="20"></div>
      <button type="submit">Add feed</button>
    </form>
    <p id="add-error" class="error" role="alert"></p>`.text;

  main.querySelector("#add").addEventListener("submit", async event => {
    event.preventDefault();
    const f = Object.fromEntries(new FormData(event.target));
    try {
      await api("/api/sources", { method: "POST", key: session.adminKey, body: { id: f.id, url: f.url, name: f.name || null } });
      announce(`Added ${f.id}`);
      sources(main);
    } catch (error) {
      main.querySelector("#add-error").textContent = error.message;
    }
  });
  main.querySelector("tbody").addEventListener("click", async event => {
    const button = event.target.closest("button[data-remove]");
    if (!button || !confirm(`Remove the feed ${button.dataset.remove}?`)) return;
    await api(`/api/sources/${encodeURIComponent(button.dataset.remove)}`, { method: "DELETE", key: session.adminKey });
    announce(`Removed ${button.dataset.remove}`);
    sources(main);
  });
  return null;
}

function askKey(main, message) {
  main.innerHTML = html`<h1>Sources</h1><p>Feed administration needs ingest's admin key (Ingest:AdminApiKey). It is kept in this tab only.</p>
    <form id="admin" class="inline"><div class="field"><label for="admin-key">Admin key</label><input id="admin-key" type="password" required size="30"></div>
    <button type="submit">Continue</button></form><p class="error" role="alert">${message || ""}</p>`.text;
  main.querySelector("#admin").addEventListener("submit", event => {
    event.preventDefault();
    session.adminKey = main.querySelector("#admin-key").value.trim();
    sources(main);
  });
  return null;
}
