/**
 * The dashboard charts' colours. Every series colour has at least 3:1 contrast against the white page (WCAG 1.4.11)
 * and the hues stay apart with the common colour-vision deficiencies (Okabe & Ito's palette, its light orange, sky
 * blue and yellow swapped for brown, purple and olive, which reach 3:1). Series are never told by colour alone:
 * lines differ in dash and marker, stacks are ordered as the legend, and every chart has its table.
 */
export const SERIES_COLOURS = [
  '#0072B2',
  '#8C564B',
  '#009E73',
  '#CC79A7',
  '#5B3A8E',
  '#D55E00',
  '#7D7000',
  '#000000',
] as const;

export const seriesColour = (k: number): string => SERIES_COLOURS[k % SERIES_COLOURS.length]!;

/** The page behind the charts. */
export const BACKGROUND = '#ffffff';

/**
 * Stacked segments are split by a line of the background's colour, so two neighbours need no contrast between
 * themselves: each has its 3:1 against that line (a contrasting border, as WCAG allows).
 */
export const SEPARATOR_WIDTH = 2;

/** The two lines of a trend: blue and black, 4:1 apart and each well above 3:1 on white. */
export const LINE_COLOURS = ['#0072B2', '#000000'] as const;

/** Bars: the groups in blue, the gemeente itself in black (4:1 apart, so the own bar stands out without its label). */
export const BAR_COLOUR = '#0072B2';
export const STRONG_BAR_COLOUR = '#000000';

/** The hatching of a campaign band: 3.6:1 lines on a pale ground. */
export const HATCH = { ground: '#fff7e0', line: '#b07d00' } as const;
