// Site-wide behaviour without dependencies: the phone menu, and closing alerts on pages
// that do not load Bootstrap's JavaScript (Wagtail pages).
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
    }
  });
})();
