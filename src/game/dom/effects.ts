// The page's side of the game's effects (controller.ts's PageEffects): files saved through the
// browser's download, the clipboard, the file picker, the text fields; and fresh seeds.
import type { PageEffects } from '../controller';

export const browserEffects: PageEffects = {
  download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  copy(text) {
    return navigator.clipboard
      ? navigator.clipboard.writeText(text)
      : Promise.reject(new Error('no clipboard'));
  },
  pickRecordFile() {
    document.getElementById('record-file')?.click();
  },
  focusField(id) {
    document.getElementById(id)?.focus();
  },
  address: () => location.href,
  open(url) {
    location.assign(url);
  },
};

/** A fresh seed: a word of diplomacy (no one crisis's places: every scenario uses them) and a number. */
export function randomSeed(): string {
  const words = [
    'summit',
    'envoy',
    'accord',
    'cable',
    'parley',
    'truce',
    'treaty',
    'hotline',
    'channel',
    'signal',
  ];
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${words[bytes[0]! % words.length]}-${(bytes[1]! % 9000) + 1000}`;
}
