// The page's side of the game's effects (controller.ts's PageEffects): files saved through the
// browser's download, the clipboard, the file picker, the text fields, another page.
import { download } from '../../browser/dom';
import type { PageEffects } from '../controller';

export const browserEffects: PageEffects = {
  download: (name, text) => download(name, text),
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
