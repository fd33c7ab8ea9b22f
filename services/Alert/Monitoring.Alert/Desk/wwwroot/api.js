// Every call to the API: the key from this browser session goes in X-Api-Key (never in a URL),
// errors arrive as RFC 9457 problem details and are thrown as ApiError with the server's detail.

const analystKeyName = "monitoring.analystKey";
const adminKeyName = "monitoring.adminKey";

export const session = {
  get analystKey() { return sessionStorage.getItem(analystKeyName); },
  set analystKey(value) { value ? sessionStorage.setItem(analystKeyName, value) : sessionStorage.removeItem(analystKeyName); },
  get adminKey() { return sessionStorage.getItem(adminKeyName); },
  set adminKey(value) { value ? sessionStorage.setItem(adminKeyName, value) : sessionStorage.removeItem(adminKeyName); },
  clear() { sessionStorage.removeItem(analystKeyName); sessionStorage.removeItem(adminKeyName); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Counts requests per page view, so a test can check that a page makes no more than one request per card. */
export const requestLog = [];

export async function api(path, { method = "GET", body, key = session.analystKey, signal, onResponse } = {}) {
  const headers = { Accept: "application/json, text/csv;q=0.9" };
  if (key) headers["X-Api-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  requestLog.push(`${method} ${path}`);
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  onResponse?.(response);
  if (response.status === 204) return null;
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    const problem = type.includes("json") ? await response.json() : { title: response.statusText, detail: await response.text() };
    throw new ApiError(response.status, problem);
  }
  if (type.includes("json")) return response.json();
  return response.blob();
}

/** One page of a list endpoint: its items and the relative link to the next page (the Link header's rel="next"), or null. */
export async function apiPage(path, options = {}) {
  let next = null;
  const items = await api(path, { ...options, onResponse: response => { next = nextLink(response.headers.get("link")); } });
  return { items, next };
}

function nextLink(header) {
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header || "");
  return match ? match[1] : null;
}

/**
 * Server-sent events read with fetch, since EventSource cannot send a header: calls onEvent({event, id, data})
 * for each event and reconnects with back-off until the signal aborts.
 */
export function listen(path, onEvent, signal, onState = () => {}) {
  let delay = 1000;
  const connect = async () => {
    while (!signal.aborted) {
      try {
        const response = await fetch(path, { headers: { Accept: "text/event-stream", "X-Api-Key": session.analystKey }, signal });
        if (!response.ok) throw new ApiError(response.status, { title: response.statusText });
        onState("live");
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n/g, "\n");
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const item = { event: "message", id: null, data: "" };
            for (const line of block.split("\n")) {
              const colon = line.indexOf(":");
              if (colon <= 0) continue;
              const field = line.slice(0, colon), value = line.slice(colon + 1).replace(/^ /, "");
              if (field === "event") item.event = value;
              else if (field === "id") item.id = value;
              else if (field === "data") item.data += (item.data ? "\n" : "") + value;
            }
            if (item.data) onEvent(item);
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) { onState("refused"); return; }
      }
      onState("reconnecting");
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
    }
  };
  connect();
}

/** Saves a response body (a Blob) as a file, as a link with a download name would. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
