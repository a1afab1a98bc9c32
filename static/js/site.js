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
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
  });
})();
