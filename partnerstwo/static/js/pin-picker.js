// Pin picker: shows a map next to a pair of latitude/longitude inputs; clicking the map or
// dragging the pin fills them in, and typing in them moves the pin. The inputs stay the
// accessible way (and the only one without JavaScript).
//
// Markup (organizations/_pin_picker.html renders it, with Leaflet's CSS and JS):
//   <div data-pin-picker data-lat-input="#id_latitude" data-lng-input="#id_longitude"
//        data-tiles-url="…" data-attribution="…" data-center="53.132500,23.168800"
//        data-label="…"></div>
// Needs vendor/leaflet/leaflet.js loaded before this file.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof L === "undefined") return;
  for (const element of document.querySelectorAll("[data-pin-picker]")) {
    const data = element.dataset;
    const latInput = document.querySelector(data.latInput);
    const lngInput = document.querySelector(data.lngInput);
    if (!latInput || !lngInput) continue;

    const read = () => {
      const lat = parseFloat(String(latInput.value).replace(",", "."));
      const lng = parseFloat(String(lngInput.value).replace(",", "."));
      return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
        ? [lat, lng] : null;
    };
    const write = (latlng) => {
      latInput.value = latlng.lat.toFixed(6);
      lngInput.value = latlng.lng.toFixed(6);
      for (const input of [latInput, lngInput]) input.dispatchEvent(new Event("change", { bubbles: true }));
    };

    element.hidden = false;
    element.classList.add("map", "map--ready", "map--picker");
    const start = read();
    const centre = (data.center || "52.23,21.01").split(",").map(Number);
    const map = L.map(element, { scrollWheelZoom: false }).setView(start || centre, start ? 16 : 12);
    if (data.tilesUrl) {
      L.tileLayer(data.tilesUrl, { maxZoom: 19, attribution: data.attribution }).addTo(map);
    }
    const marker = L.marker(start || centre, { draggable: true, alt: data.label || "", title: data.label || "" });
    if (start) marker.addTo(map);

    marker.on("dragend", () => write(marker.getLatLng()));
    map.on("click", (event) => {
      marker.setLatLng(event.latlng).addTo(map);
      write(event.latlng);
    });
    for (const input of [latInput, lngInput]) {
      input.addEventListener("input", () => {
        const position = read();
        if (position) marker.setLatLng(position).addTo(map);
      });
    }
  }
});
