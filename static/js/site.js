// Site-wide behaviour without dependencies: the phone menu, closing alerts on pages that
// do not load Bootstrap's JavaScript (Wagtail pages), "go back" links and forms that ask
// before they submit. Here rather than in inline handlers, which the Content-Security-Policy
// does not run.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-nav-toggle]");
    if (toggle) {
      var nav = document.getElementById(toggle.getAttribute("aria-controls"));
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      if (nav) nav.classList.toggle("is-open", open);
      return;
    }
    var close = event.target.closest('.alert [data-dismiss="alert"]');
    if (close && !(window.jQuery && window.jQuery.fn.alert)) {
      event.preventDefault();
      close.closest(".alert").remove();
      return;
    }
    // Error pages' "back" link: the previous page when there is one, else its href (home).
    var back = event.target.closest("[data-history-back]");
    if (back && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });

  // <form data-confirm="Question?">: submitted only when the person confirms.
  // Forms of cached pages ({% csrf_on_use %}) carry no CSRF token, so that the page is the
  // same for everyone. A visitor without the CSRF cookie asks for it once, by a script
  // element (which holds the page's load event until the cookie is set); a form then
  // sends the cookie's value as its token (Django accepts the unmasked secret). Should
  // a form be sent before that, it waits for the cookie and is sent again as it was
  // (requestSubmit keeps the button that was pressed).
  function cookieToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  var cookieRequest = null;
  function askForCookie() {
    cookieRequest = cookieRequest || fetch("/csrf.js", { credentials: "same-origin" });
    return cookieRequest;
  }
  if (document.querySelector("input[data-csrf-on-use]") && !cookieToken()) {
    var script = document.createElement("script");
    script.src = "/csrf.js";
    document.head.appendChild(script);
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("[data-confirm]") && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    var field = form.querySelector("input[data-csrf-on-use]");
    if (!field || field.value) return;
    var token = cookieToken();
    if (token) {
      field.value = token;
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    askForCookie().then(function () {
      field.value = cookieToken() || "-";  // without a cookie Django explains the refusal
      if (submitter && submitter.form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    }, function () {
      cookieRequest = null;
      field.value = "-";
      form.submit();
    });
  });
})();
