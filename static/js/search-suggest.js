// Suggestions under the header search box as the shopper types. The input names the
// JSON endpoint in data-search-suggest; answers list up to eight products (title, url).
(function () {
  "use strict";
  var input = document.querySelector("[data-search-suggest]");
  if (!input || !window.fetch) return;
  var endpoint = input.getAttribute("data-search-suggest");
  var form = input.form;
  var list = document.createElement("ul");
  list.id = input.id + "-suggestions";
  list.className = "search-suggest";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  form.classList.add("has-suggest");
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  var timer = null;
  var controller = null;
  var active = -1;

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function render(data) {
    list.innerHTML = "";
    active = -1;
    if (!data.results.length) return close();
    data.results.forEach(function (item, index) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = list.id + "-" + index;
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      link.tabIndex = -1;
      li.appendChild(link);
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function highlight(index) {
    var items = list.querySelectorAll("li");
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach(function (li, i) {
      li.classList.toggle("is-active", i === active);
      li.setAttribute("aria-selected", String(i === active));
    });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query.length < 2) return close();
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var url = endpoint + "?q=" + encodeURIComponent(query.slice(0, 100));
    fetch(url, { headers: { Accept: "application/json" }, signal: controller && controller.signal })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (input.value.trim() === query) render(data); })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 180);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll("a")[active].href;
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });
})();
