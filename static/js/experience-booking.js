/* The experience page's running total (templates/experiences/experience_detail.html):
   adults × adult price + children × child price, or the private-group price. The server
   prices the booking again; this is only what the tourist sees while choosing. */
(function () {
  "use strict";
  var form = document.querySelector("[data-booking-form]");
  if (!form) return;
  var output = form.querySelector("[data-total]");
  var lang = document.documentElement.lang || "vi";
  function number(name) {
    var field = form.elements[name];
    var value = field ? parseInt(field.value, 10) : 0;
    return isNaN(value) || value < 0 ? 0 : value;
  }
  function price(key) {
    var value = form.dataset[key];
    return value === "" || value === undefined ? null : parseFloat(value);
  }
  function update() {
    var adult = price("adultPrice"), child = price("childPrice"), group = price("privatePrice");
    var privateBox = form.elements.private_group;
    var total;
    if (privateBox && privateBox.checked && group !== null) total = group;
    else if (adult !== null) total = number("adults") * adult + number("children") * (child === null ? adult : child);
    else return;
    // As the server's currency filter writes it: "150.000 ₫" in Vietnamese, "₫150,000" in English.
    var digits = Math.round(total).toString().replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : ".");
    output.textContent = lang === "en" ? "₫" + digits : digits + "\u00a0₫";
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();
