/*
 * The client of the JSON login API, shared by the pages. Calls never throw: each resolves to
 * { status, data, retryAfter, failure } so a page only decides what to show. status is 0 when
 * no answer arrived; failure then says why ("network" or "timeout").
 */
(function () {
  "use strict";

  // Long enough for a slow phone network, short enough that nobody stares at a dead button.
  const TIMEOUT_MS = 15000;

  async function call(method, path, body) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    const init = {
      method,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
      signal: controller.signal,
    };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    try {
      const response = await fetch(path, init);
      const data = await readJson(response);
      return { status: response.status, data, retryAfter: retryAfterSeconds(response, data), failure: null };
    } catch (error) {
      return { status: 0, data: null, retryAfter: null, failure: controller.signal.aborted ? "timeout" : "network" };
    } finally {
      clearTimeout(timer);
    }
  }

  // A proxy's HTML error page or an empty 204 must not break the caller: no JSON is null.
  async function readJson(response) {
    const text = await response.text();
    if (!text) {
      return null;
    }
    try {
      const value = JSON.parse(text);
      return value !== null && typeof value === "object" ? value : null;
    } catch (ignored) {
      return null;
    }
  }

  // Retry-After is delta-seconds or an HTTP date (RFC 9110, 10.2.3); the body may repeat it.
  function retryAfterSeconds(response, data) {
    const header = (response.headers.get("Retry-After") || "").trim();
    if (/^\d+$/.test(header)) {
      return Math.max(1, parseInt(header, 10));
    }
    const date = Date.parse(header);
    if (header && !Number.isNaN(date)) {
      return Math.max(1, Math.ceil((date - Date.now()) / 1000));
    }
    if (data && Number.isFinite(data.retryAfter) && data.retryAfter > 0) {
      return Math.ceil(data.retryAfter);
    }
    return null;
  }

  /** The words for a result no page handles on its own: no answer, a server error, anything else. */
  function describeFailure(result) {
    if (result.failure === "timeout") {
      return "The server did not answer in time. Please try again.";
    }
    if (result.failure === "network") {
      return "Could not reach the server. Check your connection and try again.";
    }
    if (result.status === 503) {
      return "The server is busy right now. Please try again in a moment.";
    }
    if (result.status >= 500) {
      return "The server had a problem (status " + result.status + "). Please try again in a moment.";
    }
    return "Something unexpected happened (status " + result.status + "). Please try again.";
  }

  /** "1 second", "45 seconds", "2 minutes", "1 minute 30 seconds". */
  function formatWait(seconds) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    const parts = [];
    if (minutes > 0) {
      parts.push(minutes + (minutes === 1 ? " minute" : " minutes"));
    }
    if (rest > 0 || minutes === 0) {
      parts.push(rest + (rest === 1 ? " second" : " seconds"));
    }
    return parts.join(" ");
  }

  window.trestleApi = Object.freeze({
    login: (username, password) => call("POST", "/api/login", { username, password }),
    session: () => call("GET", "/api/session"),
    logout: () => call("POST", "/api/logout"),
    describeFailure,
    formatWait,
  });
})();
