/**
 * HTML built from tagged templates: every interpolated value is escaped unless it is already `SafeHtml`
 * (the result of another `html` template or `raw`). Pages are rendered on the server so that they work
 * without JavaScript, on every phone, and with assistive technology.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup that is trusted as it is (never user input). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Data for the page's scripts, as a JSON block (`<script type="application/json">`, never executed, so the CSP allows it);
 * `<` is written as \u003c so that the data cannot end the block.
 */
export function jsonBlock(id: string, value: unknown): SafeHtml {
  return html`<script type="application/json" id="${id}">${raw(JSON.stringify(value).replace(/</g, '\\u003c'))}</script>`;
}
