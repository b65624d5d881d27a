// Small DOM helpers for the live-class page. Everything from the server (names, seeds, orders) goes
// in as text nodes: never markup.

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  /** Attributes set with setAttribute (never event handlers, never URLs from a message). */
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
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'number' ? String(child) : child);
  }
  return node;
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

/** A form's submit button: Enter in any of its fields presses it too (the form's submit event). */
export function submitButton(label: string, props: Props | null = null): HTMLButtonElement {
  const b = el('button', props, label);
  b.type = 'submit';
  return b;
}

/** A labelled field: the label, the control and, if given, a hint it is described by. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const hintId = hint ? `${control.id}-hint` : '';
  if (hint) control.setAttribute('aria-describedby', hintId);
  return el(
    'div',
    { class: 'field' },
    el('label', { attrs: { for: control.id } }, label),
    control,
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
  );
}

/** Saves text as a file through a temporary object URL (no network). */
export function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Seconds as m:ss for the clock. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
