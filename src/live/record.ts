// The end of a live class on a page: the record the room sent (checked by messages.ts), its share
// link on the game's page, and the section that offers both with the final hash. Shared by the
// teacher's and the student's pages.
import { LINK_KEY, type GameRecord } from '../sim';
import { button, download, el, field } from './dom';

/** Another page of this site (`index.html`, `class.html`…), with a fragment. */
export function pageAddress(page: string, fragment: string): string {
  return `${new URL(`./${page}`, location.href).href.split('#')[0]}#${fragment}`;
}

export interface ClassRecord {
  /** The record as a file (JSON, as the game saves records). */
  text: string;
  /** The share link that replays it on the game's page. */
  link: string;
}

export function classRecord(record: GameRecord, linkCode: string): ClassRecord {
  return {
    text: JSON.stringify(record, null, 2),
    link: pageAddress('index.html', `${LINK_KEY}=${linkCode}`),
  };
}

/** The final hash, the record to download and its share link, and whatever `more` adds. */
export function recordSection(
  heading: string,
  hash: string,
  fileName: string,
  record: ClassRecord,
  ...more: HTMLElement[]
): HTMLElement {
  const linkBox = el('input', { id: 'live-share-link', attrs: { type: 'text', readonly: '' } });
  linkBox.value = record.link;
  return el(
    'section',
    { class: 'end' },
    el('h2', null, heading),
    el('p', null, 'Final hash ', el('code', { id: 'live-final-hash' }, hash)),
    button('Download the record', () => download(fileName, record.text), { id: 'live-download' }),
    field('Share link (replays this game anywhere)', linkBox),
    ...more,
  );
}
