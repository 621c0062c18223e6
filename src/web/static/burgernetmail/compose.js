// Burgernetmail compose page: show only the fields of the chosen audience, draw an area on the map (a circle
// around a click, or a polygon), keep it in the hidden "gebied" field, and count the recipients live through
// /api/v1/audience-counts. Without JavaScript the form works with a gemeente, postcodes or an address + radius.
(() => {
  const form = document.getElementById('mail-form');
  if (!form) return;
  const $ = (id) => document.getElementById(id);
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  // The texts, from the page (the server's message catalogue); {n} in them is the number filled in here.
  const texts = JSON.parse($('texts-compose').textContent);
  const count = $('aantal');
  const hidden = $('veld-gebied');

  const chosen = () => form.querySelector('input[name="ontvangers"]:checked')?.value ?? 'gemeente';
  function showAudience() {
    for (const el of form.querySelectorAll('[data-audience]')) el.hidden = el.dataset.audience !== chosen();
  }

  function audience() {
    switch (chosen()) {
      case 'gemeente':
        return { kind: 'gemeente', gemeenteCode: $('veld-gemeente').value };
      case 'postcodes': {
        const ranges = $('veld-postcodes').value.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean).map((p) => {
          const [from, to] = p.split(/\s*[-–]\s*/);
          return { from: from.replace(/\s+/g, '').toUpperCase(), to: (to ?? from).replace(/\s+/g, '').toUpperCase() };
        });
        return ranges.length > 0 ? { kind: 'postcodes', ranges } : null;
      }
      case 'gebied':
        return hidden.value ? { kind: 'area', area: JSON.parse(hidden.value) } : null;
      default:
        return null;
    }
  }

  let timer = null;
  let asked = 0;
  function recount() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      let body;
      try {
        body = audience();
      } catch {
        body = null;
      }
      if (!body) {
        count.textContent = texts.countNone;
        return;
      }
      const mine = ++asked;
      try {
        const response = await fetch('/api/v1/audience-counts', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ audience: body }),
        });
        const json = await response.json().catch(() => ({}));
        if (mine !== asked) return;
        if (!response.ok) {
          count.textContent = [json.title, json.detail].filter(Boolean).join(': ') || texts.countFailed;
          return;
        }
        const n = json.recipients;
        count.textContent = (n === 1 ? texts.countOne : texts.countOther).replace('{n}', () => n.toLocaleString('nl-NL'));
      } catch {
        count.textContent = texts.countFailed;
      }
    }, 300);
  }

  // --- The map (Leaflet), only with JavaScript; the address fields stay as the way without a map.
  if (window.L) {
    const mapEl = $('kaart');
    mapEl.hidden = false;
    $('vorm-keuze').hidden = false;
    const map = L.map(mapEl, { doubleClickZoom: false }).setView([52.2, 5.3], 8);
    fetch('/plein/kaart/gemeenten.geojson', { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .then((geo) => {
        if (geo) L.geoJSON(geo, { style: { color: '#154273', weight: 1, fillColor: '#dfe7f1', fillOpacity: 0.6 } }).addTo(map).bringToBack();
      })
      .catch(() => {});
    map.attributionControl.addAttribution(texts.mapAttribution);
    const radiusInput = $('veld-straal');
    let layer = null;
    let points = [];
    const shape = () => form.querySelector('input[name="vorm"]:checked')?.value ?? 'circle';
    function store(area) {
      hidden.value = area ? JSON.stringify(area) : '';
      recount();
    }
    function draw(latlng) {
      if (layer) layer.remove();
      if (shape() === 'circle') {
        const radius = Math.min(50000, Math.max(100, Number(radiusInput.value) || 1000));
        layer = L.circle(latlng, { radius, color: '#154273' }).addTo(map);
        store({ kind: 'circle', centre: { lat: Number(latlng.lat.toFixed(6)), lon: Number(latlng.lng.toFixed(6)) }, radiusMetres: radius });
      }
    }
    let centre = null;
    map.on('click', (e) => {
      if (shape() === 'circle') {
        centre = e.latlng;
        draw(centre);
      } else {
        points.push(e.latlng);
        if (layer) layer.remove();
        layer = L.polyline(points, { color: '#154273' }).addTo(map);
      }
    });
    map.on('dblclick', () => {
      if (shape() !== 'polygon' || points.length < 3) return;
      if (layer) layer.remove();
      layer = L.polygon(points, { color: '#154273' }).addTo(map);
      const ring = points.map((p) => [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))]);
      ring.push(ring[0]);
      store({ kind: 'polygon', polygon: { type: 'Polygon', coordinates: [ring] } });
      points = [];
    });
    radiusInput.addEventListener('input', () => centre && draw(centre));
    for (const r of form.querySelectorAll('input[name="vorm"]')) r.addEventListener('change', () => {
      points = [];
      if (layer) layer.remove();
      store(null);
    });
    for (const r of form.querySelectorAll('input[name="ontvangers"]')) r.addEventListener('change', () => setTimeout(() => map.invalidateSize(), 0));
  }

  for (const r of form.querySelectorAll('input[name="ontvangers"]')) r.addEventListener('change', () => {
    showAudience();
    recount();
  });
  $('veld-gemeente').addEventListener('change', recount);
  $('veld-postcodes').addEventListener('input', recount);
  showAudience();
  recount();
})();
