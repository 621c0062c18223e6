import { html, type SafeHtml } from './html.js';

/**
 * The Burgernet wordmark: a dot sending two waves (an alert going out to the neighbourhood) and the word
 * "Burgernet". Inline SVG, so that it takes the header's colours from the stylesheet; an image with the word as its
 * name, so that a screen reader says "Burgernet" and nothing of the drawing.
 */
export function wordmark(name: string): SafeHtml {
  return html`<svg class="wordmark" role="img" aria-labelledby="wordmark-naam" viewBox="0 0 166 40" width="166" height="40" focusable="false"><title id="wordmark-naam">${name}</title><circle class="wordmark-mark" cx="12" cy="20" r="6"/><path class="wordmark-wave" d="M19.8 12.2A11 11 0 0 1 19.8 27.8M24.7 7.3A18 18 0 0 1 24.7 32.7"/><text class="wordmark-word" x="38" y="29" textLength="126" lengthAdjust="spacingAndGlyphs">${name}</text></svg>`;
}
