/* Leaflet maps of the places listed on a page ([data-map], see components/map.html).
   Markers come from a JSON script tag in the page; tiles from OpenStreetMap. When no
   tile loads (no network), the markers stay on a plain background and a short message
   points to the list, which is the page's real content. */
(function () {
  "use strict";

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function showMessage(element) {
    var message = element.parentNode.querySelector("[data-map-message]");
    if (message) message.hidden = false;
    element.classList.add("is-offline");
  }

  function hideMessage(element) {
    var message = element.parentNode.querySelector("[data-map-message]");
    if (message) message.hidden = true;
    element.classList.remove("is-offline");
  }

  function init(element) {
    var source = document.getElementById(element.dataset.markers);
    var markers = source ? JSON.parse(source.textContent) : [];
    if (!window.L || !markers.length) {
      showMessage(element);
      return;
    }
    var map = window.L.map(element, { scrollWheelZoom: false, tap: true });
    var loaded = 0;
    var tiles = window.L.tileLayer(element.dataset.tiles, {
      maxZoom: 18,
      attribution: element.dataset.attribution
    });
    tiles.on("tileload", function () {
      loaded += 1;
      hideMessage(element);
    });
    tiles.on("tileerror", function () {
      if (!loaded) showMessage(element);
    });
    tiles.addTo(map);

    var points = markers.map(function (place) {
      var marker = window.L.marker([place.lat, place.lng], { title: place.title, alt: place.title });
      var name = place.url
        ? '<a class="map-popup__link" href="' + encodeURI(place.url) + '">' + escapeHtml(place.title) + "</a>"
        : "<strong>" + escapeHtml(place.title) + "</strong>";
      var directions = place.directions && /^https:\/\//.test(place.directions)
        ? '<br><a class="map-popup__directions" href="' + escapeHtml(place.directions) +
          '" target="_blank" rel="noopener">' + escapeHtml(element.dataset.directionsLabel || "") + "</a>"
        : "";
      marker.bindPopup(
        name +
        (place.kind ? '<br><span class="map-popup__kind">' + escapeHtml(place.kind) + "</span>" : "") +
        directions
      );
      marker.addTo(map);
      return [place.lat, place.lng];
    });
    if (points.length === 1) {
      map.setView(points[0], 14);
    } else {
      map.fitBounds(points, { padding: [28, 28], maxZoom: 14 });
    }
    element.dataset.mapReady = "true";
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
