/** Small DOM helpers for Hush's own pages (the popup and the options page). */

/** The element with `id`, which must be a `type`; throws when the page's markup lacks it. */
export function elementById<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`this page has no ${type.name} #${id}`);
  return found;
}

/** A new `tag` element with `properties` set and `children` appended (strings become text, never markup). */
export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), properties);
  element.append(...children);
  return element;
}
