// Site-wide behaviour without dependencies: the phone menu, closing alerts on pages that
// do not load Bootstrap's JavaScript (Wagtail pages), "go back" links and forms that ask
// before they submit. Here rather than in inline handlers, which the Content-Security-Policy
// does not run.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");

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
  // same for everyone: the token is fetched (with its cookie) when one is first sent,
  // written into every such form of the page, and the form is sent again as it was
  // (requestSubmit keeps the button that was pressed).
  var tokenRequest = null;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("[data-confirm]") && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    var field = form.querySelector("input[data-csrf-on-use]");
    if (!field || field.value) return;
    event.preventDefault();
    var submitter = event.submitter;
    tokenRequest = tokenRequest || fetch("/csrf/", {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
    tokenRequest.then(function (data) {
      document.querySelectorAll("input[data-csrf-on-use]").forEach(function (input) {
        input.value = data.token;
      });
      if (submitter && submitter.form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    }, function () {
      tokenRequest = null;
      // Sent without a token, the server answers with its own explanation.
      form.submit();
    });
  });
})();
