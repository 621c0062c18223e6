// Texts from the catalogue with {name} placeholders, filled in by the page's scripts.

export type TemplateValue = string | number | Node;

/** The template's pieces, each {name} replaced by values[name]: a text, a number or an element (never read as HTML). */
export function templateParts(template: string, values: Readonly<Record<string, TemplateValue>>): (string | Node)[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 === 1 ? (values[piece] ?? `{${piece}}`) : piece))
    .filter((piece) => piece !== '')
    .map((piece) => (typeof piece === 'number' ? String(piece) : piece));
}

/** The template as text, each {name} replaced by values[name]; an unknown {name} stays as it is. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return templateParts(template, values)
    .map((piece) => (typeof piece === 'string' ? piece : (piece.textContent ?? '')))
    .join('');
}
