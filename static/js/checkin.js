/* The seller area's ticket scanner: the phone's camera reads a ticket's QR code and posts
 * what it says to the check-in form, as if the producer had typed it.
 *
 * Decoding uses the browser's BarcodeDetector where it reads QR codes (Chrome on Android,
 * Safari 17+), otherwise jsQR, served by the site (vendor/jsqr) and loaded only then.
 * Without a camera (or when it is refused) the page stays what it is without script: a
 * form to type the reference into. The server decides everything about the ticket.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var decoderUrl = script && script.getAttribute("data-decoder");
  var panel = document.querySelector("[data-scanner]");
  var form = document.querySelector("[data-checkin-form]");
  if (!panel || !form) return;

  var view = panel.querySelector("[data-scanner-view]");
  var video = panel.querySelector("[data-scanner-video]");
  var status = panel.querySelector("[data-scanner-status]");
  var startButton = panel.querySelector("[data-scanner-start]");
  var stopButton = panel.querySelector("[data-scanner-stop]");
  var words = panel.querySelector("[data-scanner-messages]").dataset;
  var input = form.querySelector("input[name=reference]");
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var stream = null;
  var decoderPromise = null;
  var submitted = false;
  // What the scanner reads, exposed so a test (or a curious producer's console) can feed
  // it a picture of a ticket instead of the camera; ``decoder`` names the one in use.
  var api = { decoder: "" };

  function say(text) {
    status.textContent = text || "";
  }

  function loadJsQR() {
    if (window.jsQR) return Promise.resolve(window.jsQR);
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = decoderUrl;
      tag.onload = function () {
        window.jsQR ? resolve(window.jsQR) : reject(new Error("jsQR"));
      };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  /* A function reading one frame (a video, an image or a canvas) into the QR code's text,
   * or null: the BarcodeDetector where it reads QR codes, else jsQR. */
  function decoder() {
    if (decoderPromise) return decoderPromise;
    var native = Promise.resolve(false);
    if ("BarcodeDetector" in window && window.BarcodeDetector.getSupportedFormats) {
      native = window.BarcodeDetector.getSupportedFormats().then(
        function (formats) { return formats.indexOf("qr_code") !== -1; },
        function () { return false; }
      );
    }
    decoderPromise = native.then(function (usable) {
      api.decoder = usable ? "BarcodeDetector" : "jsQR";
      if (usable) {
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        return function (source) {
          return detector.detect(source).then(function (codes) {
            return codes.length ? codes[0].rawValue : null;
          });
        };
      }
      return loadJsQR().then(function (jsQR) {
        return function (source) {
          var width = source.videoWidth || source.naturalWidth || source.width;
          var height = source.videoHeight || source.naturalHeight || source.height;
          if (!width || !height) return Promise.resolve(null);
          canvas.width = width;
          canvas.height = height;
          context.drawImage(source, 0, 0, width, height);
          var code = jsQR(context.getImageData(0, 0, width, height).data, width, height);
          return Promise.resolve(code ? code.data : null);
        };
      });
    });
    return decoderPromise;
  }

  function found(text) {
    if (submitted || !text) return;
    submitted = true;
    say(words.found);
    stop();
    input.value = text;
    form.submit();
  }

  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.srcObject = null;
    view.hidden = true;
    startButton.hidden = false;
    stopButton.hidden = true;
  }

  function scanLoop(read) {
    if (!stream || submitted) return;
    var next = function () { window.setTimeout(function () { scanLoop(read); }, 200); };
    if (video.readyState < 2) return next();
    read(video).then(function (text) { text ? found(text) : next(); }, next);
  }

  function start() {
    say(words.looking);
    Promise.all([
      navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" } },
        audio: false,
      }),
      decoder(),
    ]).then(
      function (results) {
        stream = results[0];
        video.srcObject = stream;
        view.hidden = false;
        video.play();
        startButton.hidden = true;
        stopButton.hidden = false;
        scanLoop(results[1]);
      },
      function () {
        stop();
        say(words.denied);
      }
    );
  }

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return; // no camera API (or not a secure context): typing the reference still works
  }
  panel.hidden = false;
  startButton.addEventListener("click", start);
  stopButton.addEventListener("click", function () { stop(); say(""); });
  window.addEventListener("pagehide", stop);

  api.read = function (source) {
    return decoder().then(function (read) { return read(source); });
  };
  window.ocopCheckin = api;
})();
