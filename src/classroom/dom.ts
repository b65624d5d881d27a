// Small DOM helpers for the classroom pages. Text always goes in as text nodes: records, links
// and even the scenario are data, never markup. The ones every browser page uses are in
// src/browser/dom.ts.
import { append, el } from '../browser/dom';

export { append, button, download, el, type Props } from '../browser/dom';

/**
 * The parts of a name made from a file name, split where a line may wrap: after a space or one of
 * `_ - . / \ , + )`, and between a small letter or digit and a capital ("TeamRed2Final" → Team,
 * Red2, Final).
 */
export function nameParts(name: string): string[] {
  return name.split(/(?<=[\s_\-./\\,+)])|(?<=[\p{Ll}\d])(?=\p{Lu})/u).filter((part) => part !== '');
}

/** A name that wraps between its parts (`<wbr>`), and inside one only when it is longer than a line. */
export function nameText(name: string): HTMLElement {
  const span = el('span', { class: 'name' });
  nameParts(name).forEach((part, i) => append(span, [i > 0 && el('wbr'), part]));
  return span;
}

/** How much of a long value from outside (a seed, a pasted name) a line shows. */
export const SHOWN_LENGTH = 40;
/** Longer than this, a value is not put whole even in a tooltip. */
const TOOLTIP_LENGTH = 1000;

/**
 * `text` whole when it is at most `whole` characters, else its first SHOWN_LENGTH characters, an
 * ellipsis and its length: a value from a record or a paste can be any length (a 1 MB seed once
 * stretched the printed report by 22 million pixels), and the page must stay readable.
 */
export function shortened(text: string, whole = SHOWN_LENGTH): string {
  if (text.length <= whole) return text;
  // Never cut a character made of two code units in half.
  const end = /[\uD800-\uDBFF]/.test(text[SHOWN_LENGTH - 1]!) ? SHOWN_LENGTH - 1 : SHOWN_LENGTH;
  return `${text.slice(0, end)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** A shortened value, whole in its tooltip unless that too would be absurd. */
export function shortText(text: string, whole = SHOWN_LENGTH): HTMLElement {
  const span = el('span', null, shortened(text, whole));
  if (text.length > whole && text.length <= TOOLTIP_LENGTH) span.title = text;
  return span;
}

/** An http(s) address from data, or null: anything else (javascript:, data:…) is shown as text only. */
export function safeUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The small heading above a printed page's title that says what the page is and who it is for. */
export function kicker(text: string): HTMLElement {
  return el('p', { class: 'kicker' }, text);
}

/** A source address, shown in full (so it prints) and a link when it is a web address. */
export function sourceLink(address: string): HTMLElement {
  const url = safeUrl(address);
  if (!url) return el('span', { class: 'url' }, address);
  return el('a', { class: 'url', attrs: { href: url, rel: 'noopener noreferrer' } }, address);
}

export const PAGES = [
  { href: './index.html', label: 'Play the game', id: 'game' },
  { href: './class.html', label: 'Class view', id: 'class' },
  { href: './print.html', label: 'Printable material', id: 'print' },
] as const;

/** The short nav at the top of each classroom page: back to the game, and to the other page. */
export function pageNav(current: (typeof PAGES)[number]['id']): HTMLElement {
  const list = el('ul');
  for (const page of PAGES) {
    const link = el('a', { attrs: { href: page.href } }, page.label);
    if (page.id === current) link.setAttribute('aria-current', 'page');
    list.append(el('li', null, link));
  }
  return el('nav', { class: 'pages no-print', attrs: { 'aria-label': 'Brink pages' } }, list);
}

/** Column headings for a data table. */
export function columnHeads(names: readonly string[]): HTMLElement[] {
  return names.map((name) => el('th', { attrs: { scope: 'col' } }, name));
}

/** A data table (`class="data …"`) with its column headings and rows. */
export function dataTable(
  cls: string,
  heads: readonly string[],
  rows: readonly HTMLElement[],
): HTMLElement {
  return el(
    'table',
    { class: `data ${cls}` },
    el('thead', null, el('tr', null, ...columnHeads(heads))),
    el('tbody', null, ...rows),
  );
}

/** Replaces the page with a message when it cannot start at all. */
export function fatal(root: HTMLElement, heading: string, message: string): void {
  root.replaceChildren(
    el(
      'div',
      { class: 'fatal', attrs: { role: 'alert' } },
      el('h1', null, heading),
      el('pre', null, message),
    ),
  );
}
