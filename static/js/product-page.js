/* The product page's quantity stepper: − and + change the number within the input's
   min and max, and are disabled at either end. Without this script the number input
   still works on its own; the server checks the quantity against stock either way. */
(function () {
  "use strict";

  function clamp(input, value) {
    var min = parseInt(input.min, 10) || 1;
    var max = parseInt(input.max, 10) || Infinity;
    if (isNaN(value)) return min;
    return Math.min(max, Math.max(min, value));
  }

  function sync(form, input) {
    var value = parseInt(input.value, 10);
    form.querySelectorAll("[data-step]").forEach(function (button) {
      var step = parseInt(button.getAttribute("data-step"), 10);
      button.disabled = clamp(input, value + step) === value;
    });
  }

  document.querySelectorAll("[data-quantity-form]").forEach(function (form) {
    var input = form.querySelector("input[name=quantity]");
    if (!input) return;
    form.querySelectorAll("[data-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = parseInt(button.getAttribute("data-step"), 10);
        input.value = clamp(input, parseInt(input.value, 10) + step);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
    input.addEventListener("change", function () {
      input.value = clamp(input, parseInt(input.value, 10));
      sync(form, input);
    });
    input.addEventListener("input", function () { sync(form, input); });
    sync(form, input);
  });
})();
