// How the participation map tells its classes apart (WCAG 1.4.11, non-text contrast). Every class's fill has at
// least 3:1 against the white page, and the gemeenten are split by lines of the page's own colour, so each area
// stands out from its border and from the background. Neighbouring classes cannot also be 3:1 apart from each
// other (five steps between 3:1 and black do not fit), so each class has a texture of its own as well: plain,
// diagonal lines, dots, crossed lines, plain. Only the lightest and the darkest share a texture, and those two are
// 4.5:1 apart. The legend shows the same swatches, and the table under the map gives every figure.

/** A class's fill: a colour, and white marks on it (or none). */
interface ClassStyle {
  readonly colour: string;
  readonly marks: 'none' | 'lines' | 'dots' | 'cross';
}

/** Blues from light to dark (3.7:1 to 16.7:1 on white), lowest class first. */
export const CLASS_STYLES: readonly ClassStyle[] = [
  { colour: '#2b8cbe', marks: 'none' },
  { colour: '#0570b0', marks: 'lines' },
  { colour: '#045a8d', marks: 'dots' },
  { colour: '#023858', marks: 'cross' },
  { colour: '#011f3a', marks: 'none' },
];

/** Too few participants to show: white with dark grey hatching (7:1 on white), unlike any class. */
export const SUPPRESSED_STYLE = { ground: '#ffffff', line: '#595959' } as const;

/** The page's colour, for the lines between gemeenten. */
export const BORDER_COLOUR = '#ffffff';

const SVG = 'http://www.w3.org/2000/svg';
const SIZE = 8;

function svgElement(tag: string, attributes: Readonly<Record<string, string | number>>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** The id of the pattern that fills a class (`k`), or of the suppressed gemeenten (-1). */
export function patternId(k: number): string {
  return k < 0 ? 'deelname-klasse-onbekend' : `deelname-klasse-${k}`;
}

/** The fill (a colour or a pattern) of a class, or of the suppressed gemeenten (-1). */
export function fillOf(k: number): string {
  const style = CLASS_STYLES[Math.min(CLASS_STYLES.length - 1, k)];
  return k >= 0 && style !== undefined && style.marks === 'none' ? style.colour : `url(#${patternId(k)})`;
}

function pattern(id: string, ground: string, marks: readonly SVGElement[], rotate = false): SVGElement {
  const element = svgElement('pattern', {
    id,
    width: SIZE,
    height: SIZE,
    patternUnits: 'userSpaceOnUse',
    ...(rotate ? { patternTransform: 'rotate(45)' } : {}),
  });
  element.append(svgElement('rect', { width: SIZE, height: SIZE, fill: ground }), ...marks);
  return element;
}

function marksOf(style: ClassStyle): { marks: SVGElement[]; rotate: boolean } {
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    svgElement('line', { x1, y1, x2, y2, stroke: BORDER_COLOUR, 'stroke-width': 2 });
  switch (style.marks) {
    case 'none':
      return { marks: [], rotate: false };
    case 'lines':
      return { marks: [line(0, 0, 0, SIZE)], rotate: true };
    case 'dots':
      return {
        marks: [svgElement('circle', { cx: SIZE / 2, cy: SIZE / 2, r: 1.75, fill: BORDER_COLOUR })],
        rotate: false,
      };
    case 'cross':
      return { marks: [line(0, 0, 0, SIZE), line(0, 0, SIZE, 0)], rotate: true };
    default: {
      const unknown: never = style.marks;
      throw new Error(`unknown marks ${String(unknown)}`);
    }
  }
}

/**
 * The patterns, in an SVG of their own that the map's shapes and the legend's swatches refer to (a pattern is
 * found by its id anywhere in the document). Laid out with no size rather than hidden: Chromium draws no pattern
 * whose SVG is not rendered.
 */
export function patternDefinitions(): SVGElement {
  const svg = svgElement('svg', { width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' });
  svg.style.position = 'absolute';
  const defs = svgElement('defs', {});
  CLASS_STYLES.forEach((style, k) => {
    const { marks, rotate } = marksOf(style);
    if (marks.length > 0) defs.append(pattern(patternId(k), style.colour, marks, rotate));
  });
  defs.append(
    pattern(
      patternId(-1),
      SUPPRESSED_STYLE.ground,
      [svgElement('line', { x1: 0, y1: 0, x2: 0, y2: SIZE, stroke: SUPPRESSED_STYLE.line, 'stroke-width': 1.5 })],
      true,
    ),
  );
  svg.append(defs);
  return svg;
}

/** A legend swatch: a small rectangle with the class's fill, outlined in the page's ink. */
export function swatch(k: number): SVGElement {
  const svg = svgElement('svg', {
    class: 'swatch',
    width: 24,
    height: 16,
    viewBox: '0 0 24 16',
    'aria-hidden': 'true',
  });
  svg.append(svgElement('rect', { x: 0.5, y: 0.5, width: 23, height: 15, fill: fillOf(k), stroke: '#0f172a' }));
  return svg;
}
