/*
 * The sign-in form: checks for empty fields, posts to the login API, and says what went wrong
 * in the form's live region. On success it opens the welcome page.
 */
(function () {
  "use strict";

  const api = window.trestleApi;
  const form = document.getElementById("login-form");
  const username = document.getElementById("username");
  const password = document.getElementById("password");
  const submit = document.getElementById("submit");
  const message = document.getElementById("form-message");
  const toggle = document.getElementById("toggle-password");
  const SUBMIT_LABEL = submit.textContent;

  // Why the welcome page sent the visitor back here (see welcome.js).
  const REASONS = {
    "signed-out": "You have signed out.",
    "session-required": "Please sign in to continue.",
  };

  let busy = false;
  let waitTimer = null;

  function show(text, kind) {
    message.textContent = text;
    message.className = text ? "message message-" + kind : "message";
  }

  function markInvalid(input) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "form-message");
  }

  function clearInvalid(input) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }

  function setBusy(value) {
    busy = value;
    submit.disabled = value;
    submit.classList.toggle("is-busy", value);
    submit.textContent = value ? "Signing in…" : SUBMIT_LABEL;
    form.setAttribute("aria-busy", String(value));
  }

  // Keeps the button disabled while the server refuses attempts; the countdown sits in the
  // button, not in the live region, so a screen reader is not told the time every second.
  function waitBeforeRetry(seconds) {
    let left = seconds;
    submit.disabled = true;
    const tick = () => {
      if (left <= 0) {
        clearInterval(waitTimer);
        waitTimer = null;
        submit.disabled = false;
        submit.textContent = SUBMIT_LABEL;
        show("You can try again now.", "info");
        return;
      }
      submit.textContent = "Try again in " + left + " s";
      left -= 1;
    };
    tick();
    waitTimer = setInterval(tick, 1000);
  }

  function emptyFieldsMessage(missingUser, missingPassword) {
    if (missingUser && missingPassword) {
      return "Enter your username and password.";
    }
    return missingUser ? "Enter your username." : "Enter your password.";
  }

  function showResult(result) {
    switch (result.status) {
      case 401:
        markInvalid(username);
        markInvalid(password);
        password.value = "";
        password.focus();
        show("Wrong username or password.", "error");
        return;
      case 429:
        if (result.retryAfter) {
          show("Too many attempts. Try again in " + api.formatWait(result.retryAfter) + ".", "error");
          waitBeforeRetry(result.retryAfter);
        } else {
          show("Too many attempts. Please wait a moment, then try again.", "error");
        }
        return;
      case 400:
        show(result.data && typeof result.data.message === "string" && result.data.message
            ? "The server did not accept this: " + result.data.message
            : "The server did not accept this sign-in request.", "error");
        return;
      default:
        show(api.describeFailure(result), "error");
    }
  }

  async function signIn(event) {
    event.preventDefault();
    if (busy || waitTimer) {
      return;
    }
    clearInvalid(username);
    clearInvalid(password);
    // A stray space from autofill or a paste is never part of a user name; a password is
    // taken exactly as typed.
    const name = username.value.trim();
    const secret = password.value;
    if (!name || !secret) {
      if (!name) {
        markInvalid(username);
      }
      if (!secret) {
        markInvalid(password);
      }
      show(emptyFieldsMessage(!name, !secret), "error");
      (name ? password : username).focus();
      return;
    }
    show("", "info");
    setBusy(true);
    const result = await api.login(name, secret);
    if (result.status === 200) {
      // Stay busy: the page is about to go, a second click must not post again.
      location.assign("welcome.html");
      return;
    }
    setBusy(false);
    showResult(result);
  }

  function togglePassword() {
    const reveal = password.type === "password";
    password.type = reveal ? "text" : "password";
    // The name changes with the action, so no aria-pressed (a pressed "Hide" reads as nonsense).
    toggle.textContent = reveal ? "Hide" : "Show";
    toggle.setAttribute("aria-label", reveal ? "Hide password" : "Show password");
    password.focus();
  }

  form.addEventListener("submit", signIn);
  toggle.addEventListener("click", togglePassword);
  for (const input of [username, password]) {
    input.addEventListener("input", () => clearInvalid(input));
  }

  // Back from the welcome page, the browser may restore this page as it was left: busy.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      setBusy(false);
    }
  });

  const reason = REASONS[new URLSearchParams(location.search).get("reason")];
  if (reason) {
    show(reason, "info");
  }
  if (document.activeElement === document.body || !document.activeElement) {
    username.focus();
  }
})();
