// The warning before an idle logout (accounts/_idle_notice.html, identity/middleware.py).
// The server logs out after the idle time whatever happens; this only tells the user a few
// minutes before and lets them stay logged in. Loaded with <script src>: no inline script.
(function () {
  "use strict";
  var notice = document.querySelector(".idle-notice");
  if (!notice) return;
  var idle = Number(notice.dataset.idleSeconds) * 1000;
  var warning = Number(notice.dataset.warningSeconds) * 1000;
  var loginUrl = notice.dataset.loginUrl;
  var form = notice.querySelector("form");
  var warnTimer = null;
  var endTimer = null;

  function start() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    notice.hidden = true;
    warnTimer = window.setTimeout(function () { notice.hidden = false; }, Math.max(0, idle - warning));
    endTimer = window.setTimeout(function () {
      window.location.assign(loginUrl + "?next=" + encodeURIComponent(window.location.pathname));
    }, idle + 5000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      if (response.ok) start(); else form.submit();
    }, function () { form.submit(); });
  });
  // Requests made by htmx count as activity on the server too.
  document.body.addEventListener("htmx:afterRequest", start);
  start();
})();
