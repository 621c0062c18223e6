// The participation map: the bundled gemeente boundaries coloured by participants per 1,000 inhabitants.
// Five classes (quintiles) in blues that each have 3:1 against the page, told apart by texture as well
// (participation-palette.ts); no class is told by colour alone: the legend gives the ranges, the table the figures.
import { readPageData } from '../page-data.js';
import { fillTemplate } from '../text-template.js';
import { classBreaks, classOf } from './participation-classes.js';
import { BORDER_COLOUR, CLASS_STYLES, fillOf, patternDefinitions, swatch } from './participation-palette.js';

interface MapTexts {
  readonly legendHeading: string;
  readonly classFrom: string;
  readonly classRange: string;
  readonly suppressed: string;
  readonly figure: string;
  readonly tooltip: string;
  readonly attribution: string;
  readonly failed: string;
}

/** A gemeente's figure as /api/v1/dashboard/map gives it; perThousand is null when suppressed (too few to show). */
interface GemeenteFigure {
  readonly code: string;
  readonly perThousand: number | null;
  readonly rank: number;
}

const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A legend entry: the class's swatch (colour and texture, as on the map), then the label as text. */
function legendItem(k: number, label: string): HTMLLIElement {
  const item = document.createElement('li');
  item.append(swatch(k), label);
  return item;
}

function legend(container: HTMLElement, breaks: readonly number[], texts: MapTexts): void {
  const items = CLASS_STYLES.slice(0, breaks.length + 1).map((_style, k) => {
    const from = NUMBER.format(k === 0 ? 0 : breaks[k - 1]!);
    const to = breaks[k];
    return legendItem(
      k,
      to === undefined
        ? fillTemplate(texts.classFrom, { from })
        : fillTemplate(texts.classRange, { from, to: NUMBER.format(to) }),
    );
  });
  items.push(legendItem(-1, texts.suppressed));
  const heading = document.createElement('p');
  heading.textContent = texts.legendHeading;
  const list = document.createElement('ul');
  list.append(...items);
  container.replaceChildren(heading, list);
}

async function draw(element: HTMLElement, texts: MapTexts): Promise<void> {
  const L = window.L;
  if (L === undefined) return;
  const [shapes, figures] = await Promise.all([
    fetch('/plein/dashboard/kaart/gemeenten.geojson', { credentials: 'same-origin' }).then(
      (r) => r.json() as Promise<unknown>,
    ),
    fetch('/api/v1/dashboard/map', { credentials: 'same-origin' }).then(
      (r) => r.json() as Promise<{ gemeenten: GemeenteFigure[] }>,
    ),
  ]);
  const byCode = new Map(figures.gemeenten.map((g) => [g.code, g]));
  const breaks = classBreaks(figures.gemeenten.map((g) => g.perThousand));
  const current = element.dataset.gemeente || null;
  document.body.append(patternDefinitions());
  const map = L.map(element, { attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(texts.attribution);
  const layer = L.geoJSON(shapes, {
    style: (feature) => {
      const g = byCode.get(feature.properties.code);
      const k = classOf(g ? g.perThousand : null, breaks);
      const isCurrent = feature.properties.code === current;
      // Lines of the page's colour between gemeenten: every fill has its 3:1 against them. The gemeente of the
      // page is outlined in black (its name is the page's heading as well).
      return {
        fillColor: fillOf(k),
        fillOpacity: 1,
        color: isCurrent ? '#000' : BORDER_COLOUR,
        weight: isCurrent ? 3 : 1,
      };
    },
    onEachFeature: (feature, shape) => {
      const g = byCode.get(feature.properties.code);
      const figure =
        g && g.perThousand !== null
          ? fillTemplate(texts.figure, { value: NUMBER.format(g.perThousand), rank: g.rank })
          : texts.suppressed;
      shape.bindTooltip(fillTemplate(texts.tooltip, { name: feature.properties.name, figure }));
    },
  }).addTo(map);
  map.fitBounds(layer.getBounds());
  const legendElement = document.getElementById('kaart-legenda');
  if (legendElement) legend(legendElement, breaks, texts);
  element.dataset.drawn = 'true';
}

const element = document.getElementById('deelname-kaart');
if (element !== null) {
  const texts = readPageData<MapTexts>('texts-dashboard-map');
  draw(element, texts).catch(() => {
    element.textContent = texts.failed;
  });
}
