// The participation map: the bundled gemeente boundaries coloured by participants per 1,000 inhabitants.
// Five classes (quintiles) in ColorBrewer's YlGnBu, a sequential palette that stays readable with colour-vision
// deficiencies and in greyscale; no class is told by colour alone: the legend gives the ranges, the table the figures.
const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const UNKNOWN = '#d9d9d9';
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

// Quintiles; equal breaks (many gemeenten with the same rounded rate) merge, so a class never reads "1,2 tot 1,2".
function classBreaks(values) {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks = [1, 2, 3, 4].map((q) => sorted[Math.min(sorted.length - 1, Math.floor((q * sorted.length) / 5))]);
  return breaks.filter((b, i) => b > sorted[0] && (i === 0 || b !== breaks[i - 1]));
}

function classOf(value, breaks) {
  if (value === null || value === undefined) return -1;
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

function legend(container, breaks) {
  const items = PALETTE.slice(0, breaks.length + 1).map((colour, k) => {
    const from = k === 0 ? 0 : breaks[k - 1];
    const to = breaks[k];
    const label = to === undefined ? `${NUMBER.format(from)} of meer` : `${NUMBER.format(from)} tot ${NUMBER.format(to)}`;
    return `<li><span class="swatch" style="background:${colour}"></span>${label}</li>`;
  });
  items.push(`<li><span class="swatch" style="background:${UNKNOWN}"></span>minder dan 10 deelnemers</li>`);
  container.innerHTML = `<p>Deelnemers per 1.000 inwoners</p><ul>${items.join('')}</ul>`;
}

async function draw() {
  const element = document.getElementById('deelname-kaart');
  if (!element || typeof L === 'undefined') return;
  const [shapes, figures] = await Promise.all([
    fetch('/plein/dashboard/kaart/gemeenten.geojson', { credentials: 'same-origin' }).then((r) => r.json()),
    fetch('/api/v1/dashboard/map', { credentials: 'same-origin' }).then((r) => r.json()),
  ]);
  const byCode = new Map(figures.gemeenten.map((g) => [g.code, g]));
  const breaks = classBreaks(figures.gemeenten.map((g) => g.perThousand));
  const current = element.dataset.gemeente || null;
  const map = L.map(element, { attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Grenzen © CBS / PDOK');
  const layer = L.geoJSON(shapes, {
    style: (feature) => {
      const g = byCode.get(feature.properties.code);
      const k = classOf(g ? g.perThousand : null, breaks);
      const isCurrent = feature.properties.code === current;
      return { fillColor: k < 0 ? UNKNOWN : PALETTE[Math.min(PALETTE.length - 1, k)], fillOpacity: 1, color: isCurrent ? '#000' : '#555', weight: isCurrent ? 3 : 0.5 };
    },
    onEachFeature: (feature, shape) => {
      const g = byCode.get(feature.properties.code);
      const text = g && g.perThousand !== null ? `${NUMBER.format(g.perThousand)} per 1.000 inwoners (plaats ${g.rank})` : 'minder dan 10 deelnemers';
      shape.bindTooltip(`${feature.properties.name}: ${text}`);
    },
  }).addTo(map);
  map.fitBounds(layer.getBounds());
  const legendElement = document.getElementById('kaart-legenda');
  if (legendElement) legend(legendElement, breaks);
  element.dataset.drawn = 'true';
}

draw().catch(() => {
  const element = document.getElementById('deelname-kaart');
  if (element) element.textContent = 'De kaart kon niet worden geladen. De cijfers staan in de tabel bij de kaart.';
});
