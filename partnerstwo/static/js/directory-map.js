// The directory map: markers for the current filters on a Leaflet map. A progressive enhancement:
// without JavaScript, Leaflet or tiles the page keeps its list link and filters.
document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("directory-map");
  const status = document.getElementById("map-status");
  if (!element || typeof L === "undefined") return;
  const data = element.dataset;
  const messages = { count: "", tiles: "" };
  const say = (key, text) => {
    messages[key] = text;
    if (status) status.textContent = [messages.count, messages.tiles].filter(Boolean).join(" ");
  };
  const [lat, lng] = (data.center || "52.23,21.01").split(",").map(Number);

  element.textContent = "";
  element.classList.add("map--ready");
  const map = L.map(element, { scrollWheelZoom: false }).setView([lat, lng], 12);
  if (data.tilesUrl) {
    let failed = false;
    L.tileLayer(data.tilesUrl, { maxZoom: 19, attribution: data.attribution })
      .on("tileerror", () => {
        if (!failed) { failed = true; say("tiles", data.labelTilesFailed); }
      })
      .addTo(map);
  }

  fetch(data.pointsUrl, { headers: { Accept: "application/json" } })
    .then((response) => { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then((payload) => {
      const bounds = [];
      for (const point of payload.markers) {
        const link = document.createElement("a");
        link.href = payload.profile_url.replace("__slug__", encodeURIComponent(point.slug));
        link.textContent = `${point.name} – ${data.labelProfile}`;
        L.marker([point.lat, point.lng], { title: point.name, alt: point.name })
          .bindPopup(link)
          .addTo(map);
        bounds.push([point.lat, point.lng]);
      }
      if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
      let message = `${data.labelCount} ${payload.markers.length}.`;
      if (payload.truncated) message += ` ${data.labelTruncated}`;
      say("count", message);
    })
    .catch(() => say("count", data.labelFailed));
});
