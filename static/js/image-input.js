// Oscar's dashboard image field (templates/oscar/forms/widgets/image_input_widget.html):
// the dashboard previews a chosen file in the empty <img>; once it shows, the upload button
// hides, and a file that is no image brings the button back with a warning. Oscar did this
// in inline onload/onerror attributes, which the Content-Security-Policy does not run.
// Each empty image field includes this file: it listens once, for all of them.
(function () {
  "use strict";
  if (window.ocopImageInput) return;
  window.ocopImageInput = true;

  function uploadButton(img) {
    var field = img.closest(".image-input");
    return field && document.getElementById("upload_button_" + field.id);
  }

  // load and error do not bubble: listen in the capture phase.
  document.addEventListener("load", function (event) {
    var img = event.target;
    if (!(img instanceof HTMLImageElement) || !img.hasAttribute("data-image-preview")) return;
    var button = uploadButton(img);
    if (button) button.style.display = "none";
  }, true);

  document.addEventListener("error", function (event) {
    var img = event.target;
    if (!(img instanceof HTMLImageElement) || !img.hasAttribute("data-image-preview")) return;
    if (!img.getAttribute("src")) return;
    var button = uploadButton(img);
    if (button) button.style.display = "";
    window.alert(img.dataset.unrecognized);
  }, true);
})();
