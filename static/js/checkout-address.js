// Narrows the commune/ward list to the chosen province. The server renders every ward
// grouped by province (optgroup label = province name), so without this script the form
// still works and the server checks that the ward belongs to the province.
(function () {
  "use strict";
  var province = document.querySelector("[data-province-select]");
  var ward = document.querySelector("[data-ward-select]");
  if (!province || !ward) return;

  var placeholder = ward.querySelector("option[value='']");
  var groups = Array.prototype.map.call(ward.querySelectorAll("optgroup"), function (group) {
    return { label: group.label, options: Array.prototype.slice.call(group.children) };
  });

  function provinceName() {
    var option = province.options[province.selectedIndex];
    return option && option.value ? option.text : "";
  }

  function narrow() {
    var selected = ward.value;
    var name = provinceName();
    ward.innerHTML = "";
    if (placeholder) ward.appendChild(placeholder);
    groups.forEach(function (group) {
      if (group.label !== name) return;
      group.options.forEach(function (option) { ward.appendChild(option); });
    });
    ward.value = selected;
    if (ward.value !== selected) ward.value = "";
    ward.disabled = !name;
  }

  province.addEventListener("change", narrow);
  narrow();
})();
