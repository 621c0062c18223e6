// The participation map: the bundled gemeente boundaries coloured by participants per 1,000 inhabitants.
// Five classes (quintiles) in ColorBrewer's YlGnBu, a sequential palette that stays readable with colour-vision
// deficiencies and in greyscale; no class is told by colour alone: the legend gives the ranges, the table the figures.
const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const UNKNOWN = '#d9d9d9';
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
// The texts, from the page (the server's message catalogue); a {name} in them is a value filled in here.
const TEXTS = JSON.parse(document.getElementById('texts-dashboard-map')?.textContent ?? '{}');
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => String(values[name] ?? whole));

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

/** A legend entry: the colour's swatch, then the label as text. */
function legendItem(colour, label) {
  const item = document.createElement('li');
  item.innerHTML = `<span class="swatch" style="background:${colour}"></span>`;
  item.append(label);
  return item;
}

function legend(container, breaks) {
  const items = PALETTE.slice(0, breaks.length + 1).map((colour, k) => {
    const from = NUMBER.format(k === 0 ? 0 : breaks[k - 1]);
    const to = breaks[k];
    return legendItem(colour, to === undefined ? fill(TEXTS.classFrom, { from }) : fill(TEXTS.classRange, { from, to: NUMBER.format(to) }));
  });
  items.push(legendItem(UNKNOWN, TEXTS.suppressed));
  const heading = document.createElement('p');
  heading.textContent = TEXTS.legendHeading;
  const list = document.createElement('ul');
  list.append(...items);
  container.replaceChildren(heading, list);
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
  map.attributionControl.addAttribution(TEXTS.attribution);
  const layer = L.geoJSON(shapes, {
    style: (feature) => {
      const g = byCode.get(feature.properties.code);
      const k = classOf(g ? g.perThousand : null, breaks);
      const isCurrent = feature.properties.code === current;
      return { fillColor: k < 0 ? UNKNOWN : PALETTE[Math.min(PALETTE.length - 1, k)], fillOpacity: 1, color: isCurrent ? '#000' : '#555', weight: isCurrent ? 3 : 0.5 };
    },
    onEachFeature: (feature, shape) => {
      const g = byCode.get(feature.properties.code);
      const figure = g && g.perThousand !== null ? fill(TEXTS.figure, { value: NUMBER.format(g.perThousand), rank: g.rank }) : TEXTS.suppressed;
      shape.bindTooltip(fill(TEXTS.tooltip, { name: feature.properties.name, figure }));
    },
  }).addTo(map);
  map.fitBounds(layer.getBounds());
  const legendElement = document.getElementById('kaart-legenda');
  if (legendElement) legend(legendElement, breaks);
  element.dataset.drawn = 'true';
}

draw().catch(() => {
  const element = document.getElementById('deelname-kaart');
  if (element) element.textContent = TEXTS.failed;
});
