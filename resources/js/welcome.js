/*
 * The welcome page: shows who is signed in (from the session API) and signs out. Without a
 * session it goes back to the form, saying why.
 */
(function () {
  "use strict";

  const api = window.trestleApi;
  const main = document.querySelector("main");
  const who = document.getElementById("who");
  const message = document.getElementById("page-message");
  const signOutButton = document.getElementById("sign-out");
  const retryButton = document.getElementById("retry");

  function show(text, kind) {
    message.textContent = text;
    message.className = text ? "message message-" + kind : "message";
  }

  function backToForm(reason) {
    // replace, not assign: Back must not return to a page that would only send you away again.
    location.replace("./?reason=" + reason);
  }

  function showSignedIn(username) {
    // Built from nodes, not parsed as HTML: the name comes from the server.
    const name = document.createElement("strong");
    name.textContent = username;
    who.replaceChildren("Signed in as ", name);
    signOutButton.hidden = false;
    retryButton.hidden = true;
    main.setAttribute("aria-busy", "false");
  }

  async function checkSession() {
    retryButton.hidden = true;
    show("", "info");
    const result = await api.session();
    if (result.status === 200 && result.data && typeof result.data.username === "string") {
      showSignedIn(result.data.username);
    } else if (result.status === 401) {
      backToForm("session-required");
    } else {
      who.textContent = "Your session could not be checked.";
      show(api.describeFailure(result), "error");
      retryButton.hidden = false;
      main.setAttribute("aria-busy", "false");
    }
  }

  async function signOut() {
    signOutButton.disabled = true;
    signOutButton.classList.add("is-busy");
    signOutButton.textContent = "Signing out…";
    const result = await api.logout();
    // 401: the session had already ended, which is what the visitor wanted anyway.
    if (result.status === 204 || result.status === 200 || result.status === 401) {
      backToForm("signed-out");
      return;
    }
    signOutButton.disabled = false;
    signOutButton.classList.remove("is-busy");
    signOutButton.textContent = "Sign out";
    show(api.describeFailure(result), "error");
  }

  signOutButton.addEventListener("click", signOut);
  retryButton.addEventListener("click", checkSession);

  // Back after signing out may restore this page from the cache, still showing the old name.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      checkSession();
    }
  });

  checkSession();
})();
