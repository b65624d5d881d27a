// Small DOM helpers for the browser pages (the game, the classroom pages, the live class). Text
// always goes in as text nodes: records, links, names from a server, even the scenario are data,
// never markup.
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  /** Attributes set with setAttribute (never event handlers, never URLs from data). */
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props?.class) node.className = props.class;
  if (props?.id) node.id = props.id;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) node.setAttribute(name, value);
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

export function button(
  label: string,
  run: () => void,
  props: Props | null = null,
): HTMLButtonElement {
  const b = el('button', props, label);
  b.type = 'button';
  b.addEventListener('click', run);
  return b;
}

/** Saves text as a file through a temporary object URL (no network). */
export function download(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
