// Draws the overview map from vendored files only: Natural Earth outlines (world-atlas
// TopoJSON) as SVG paths, then the incident markers embedded in the page.
(function () {
  "use strict";
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      while (ring[i][0] - ring[i - 1][0] > 180) { ring[i][0] -= 360; }
      while (ring[i][0] - ring[i - 1][0] < -180) { ring[i][0] += 360; }
    }
  }
  function unwrapGeometry(g) {
    if (!g) { return; }
    if (g.type === "Polygon") { g.coordinates.forEach(unwrapRing); }
    if (g.type === "MultiPolygon") {
      g.coordinates.forEach(function (poly) { poly.forEach(unwrapRing); });
    }
  }
  function draw() {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined") { return; }
    var markers = JSON.parse(document.getElementById("markers").textContent || "[]");
    var map = L.map(el, { preferCanvas: false, worldCopyJump: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth; places: GeoNames");
    var tiles = el.getAttribute("data-tiles");
    if (tiles) { L.tileLayer(tiles, { maxZoom: 12 }).addTo(map); }
    fetch("/static/countries-50m.json").then(function (r) { return r.json(); }).then(function (world) {
      var land = topojson.feature(world, world.objects.countries);
      // Leaflet draws rings on a flat lon/lat plane: a ring that crosses the antimeridian
      // (Russia, Fiji) would jump across the whole map as a band. Unwrap its longitudes so
      // each step is under 180 degrees; Antarctica (ISO 010) is dropped, it has no incidents.
      land.features = land.features.filter(function (f) { return f.id !== "010"; });
      land.features.forEach(function (f) { unwrapGeometry(f.geometry); });
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f7f4ea", fillOpacity: 1, className: "country" }
      }).addTo(map).bringToBack();
      el.setAttribute("data-countries", String(land.features.length));
    });
    var layer = L.featureGroup();
    markers.forEach(function (m) {
      L.circleMarker([m.lat, m.lon], {
        radius: 6, color: "#222", weight: 1, fillColor: m.colour, fillOpacity: 0.9,
        className: "incident-marker verdict-" + m.verdict
      }).bindPopup('<a href="/incidents/' + encodeURIComponent(m.id) + '"></a>')
        .on("popupopen", function (e) {
          var a = e.popup.getElement().querySelector("a");
          a.textContent = m.label + " (" + m.verdict + ")";
        }).addTo(layer);
    });
    layer.addTo(map);
    if (markers.length) { map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 8 }); }
    else { map.setView([30, 20], 2); }
    el.setAttribute("data-markers", String(markers.length));
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); }
  else { draw(); }
})();
