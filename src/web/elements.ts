// Finding the page's elements by id (checked, so that a renamed id fails loudly) and making new ones.

type ElementType<T extends HTMLElement> = { new (): T; readonly name: string };

/** The element with this id, which must be of `type` (HTMLElement when any kind will do). */
export function byId(id: string): HTMLElement;
export function byId<T extends HTMLElement>(id: string, type: ElementType<T>): T;
export function byId(id: string, type: ElementType<HTMLElement> = HTMLElement): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The page has no #${id}`);
  if (!(found instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
  return found;
}

/** A new element with these attributes and children; texts are added as text, never read as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: (string | number | Node)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.map((child) => (typeof child === 'number' ? String(child) : child)));
  return element;
}
