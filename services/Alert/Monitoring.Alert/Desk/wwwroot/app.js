import { api, ApiError, session, requestLog } from "./api.js";
import { html, announce } from "./html.js";
import { inbox } from "./inbox.js";
import { story } from "./story.js";
import { alert } from "./alert.js";
import { events } from "./events.js";
import { subscriptions } from "./subscriptions.js";
import { sources } from "./sources.js";

// A hash route per page (#/inbox, #/alert/ID, #/story/ID, #/events?pair=CHN-RUS, #/subscriptions, #/sources).
const pages = { inbox, alert, story, events, subscriptions, sources };
const main = document.getElementById("main");
let leave = null;
let current = 0;

// Each route renders into a view of its own, so a page still loading when the person moves on (its requests
// answer late) writes into a detached view instead of over the page that replaced it, and is stopped.
async function route() {
  if (leave) { leave(); leave = null; }
  const token = ++current;
  requestLog.length = 0;
  if (!session.analystKey) return signIn();
  document.getElementById("nav").hidden = false;
  document.getElementById("sign-out").hidden = false;
  const [path, query] = (location.hash.slice(2) || "inbox").split("?");
  const [name, ...rest] = path.split("/");
  const page = pages[name] || inbox;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.getAttribute("href") === `#/${name}`) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const view = document.createElement("div");
  view.className = "view";
  main.replaceChildren(view);
  let stop = null;
  try {
    stop = await page(view, { id: rest.map(decodeURIComponent).join("/"), params: new URLSearchParams(query || "") });
  } catch (error) {
    if (token !== current) return;
    if (error instanceof ApiError && error.status === 401) { session.clear(); return signIn(error.message); }
    view.innerHTML = html`<h1>Something went wrong</h1><p class="error" role="alert">${error.message}</p>`.text;
  }
  if (token !== current) { stop?.(); return; }
  leave = stop;
  const heading = view.querySelector("h1");
  if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
}

function signIn(message) {
  current++;
  document.getElementById("nav").hidden = true;
  document.getElementById("sign-out").hidden = true;
  main.innerHTML = html`<section class="panel signin" aria-labelledby="signin-title">
    <h1 id="signin-title">Sign in</h1>
    <p>Your analyst API key is kept in this browser tab only and sent as a header, never in a link.</p>
    <form id="signin">
      <div class="field"><label for="key">API key</label><input id="key" name="key" type="password" autocomplete="current-password" required size="36"></div>
      <p id="signin-error" class="error" role="alert">${message || ""}</p>
      <button type="submit">Sign in</button>
    </form></section>`.text;
  const form = document.getElementById("signin");
  form.key.focus();
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const key = form.key.value.trim();
    try {
      await api("/api/vocabulary", { key });
      session.analystKey = key;
      announce("Signed in");
      if (!location.hash || location.hash === "#/") location.hash = "#/inbox"; else route();
    } catch (error) {
      document.getElementById("signin-error").textContent =
        error instanceof ApiError && (error.status === 401 || error.status === 403) ? `Not signed in: ${error.message}` : error.message;
    }
  });
}

// The pages route on the hash, so the skip link moves focus itself instead of navigating to "#main".
document.querySelector(".skip").addEventListener("click", event => { event.preventDefault(); main.focus(); });
document.getElementById("sign-out").addEventListener("click", () => { session.clear(); location.hash = ""; route(); });
window.addEventListener("hashchange", route);
window.desk = { requestLog };
route();
