/* Leaflet maps of the places listed on a page ([data-map], see components/map.html).
   Markers come from a JSON script tag in the page; tiles from OpenStreetMap. When no
   tile loads (no network), the markers stay on a plain background and a short message
   points to the list, which is the page's real content. Leaflet itself (40 KB of script,
   its styles, then the tiles) loads only when a map comes within a screen of view: most
   visitors never scroll that far, and the page's first paint does not wait for it. */
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

    // Named from data attributes: Leaflet guesses its images' folder from its CSS, which
    // fails once the static files carry hashed names (a 404 for every marker).
    var icon = window.L.icon({
      iconUrl: element.dataset.icon,
      iconRetinaUrl: element.dataset.icon2x,
      shadowUrl: element.dataset.iconShadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      tooltipAnchor: [16, -28],
      shadowSize: [41, 41]
    });
    var points = markers.map(function (place) {
      var marker = window.L.marker([place.lat, place.lng], { title: place.title, alt: place.title, icon: icon });
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
      // Places of one village lie close together: zoomed in far enough, their markers
      // stand apart as targets a finger can tell apart.
      map.fitBounds(points, { padding: [28, 28], maxZoom: 17 });
    }
    element.dataset.mapReady = "true";
  }

  var leaflet = null;

  function loadLeaflet(element) {
    if (window.L) return Promise.resolve();
    if (!leaflet) {
      leaflet = new Promise(function (resolve) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = element.dataset.leafletCss;
        document.head.appendChild(style);
        var script = document.createElement("script");
        script.src = element.dataset.leafletJs;
        script.onload = resolve;
        script.onerror = resolve; // init() then shows the message
        document.head.appendChild(script);
      });
    }
    return leaflet;
  }

  function start() {
    var maps = document.querySelectorAll("[data-map]");
    function open(element) {
      loadLeaflet(element).then(function () { init(element); });
    }
    if (!("IntersectionObserver" in window)) {
      Array.prototype.forEach.call(maps, open);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          open(entry.target);
        }
      });
    }, { rootMargin: "100% 0px" });
    Array.prototype.forEach.call(maps, function (element) { observer.observe(element); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
