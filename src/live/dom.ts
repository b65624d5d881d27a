// Small DOM helpers for the live-class page. Everything from the server (names, seeds, orders) goes
// in as text nodes: never markup. The ones every browser page uses are in src/browser/dom.ts.
import { el, type Props } from '../browser/dom';

export { button, download, el, type Props } from '../browser/dom';

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

/** Seconds as m:ss for the clock. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
