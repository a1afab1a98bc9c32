// Catalogue listing: the filter panel opens as a drawer on phones (hidden from first
// paint by the "js" class base.html puts on <html>, so the list does not jump), and choosing a sort
// order follows its link. Without JavaScript the filters are simply shown above the list.
(function () {
  "use strict";
  var browse = document.querySelector("[data-browse]");
  if (!browse) return;
  var panel = browse.querySelector("[data-filters]");

  function setOpen(open) {
    panel.classList.toggle("is-open", open);
    document.body.classList.toggle("has-drawer", open);
    browse.querySelectorAll("[data-filters-toggle]").forEach(function (button) {
      button.setAttribute("aria-expanded", String(open));
    });
    if (open) {
      var first = panel.querySelector("a, button");
      if (first) first.focus();
    }
  }

  browse.addEventListener("click", function (event) {
    if (event.target.closest("[data-filters-toggle]")) {
      setOpen(!panel.classList.contains("is-open"));
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel.classList.contains("is-open")) setOpen(false);
  });

  var sort = browse.querySelector("[data-sort-select]");
  if (sort) {
    sort.addEventListener("change", function () {
      window.location.href = sort.value;
    });
  }
})();
