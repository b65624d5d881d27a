// A progress bar on stderr: "\r[#####.....] 4,000/10,000 games". It redraws only when what it
// shows changes, so a log file that captures it stays short.
import { formatCount } from './format';

const WIDTH = 10;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = '';
  // On a terminal every chunk redraws the count; elsewhere only each tenth of the way.
  const live = stream.isTTY === true;
  const draw = (done: number) => {
    const filled = Math.floor((done * WIDTH) / total);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${formatCount(live ? done : Math.floor((filled * total) / WIDTH))}/${formatCount(total)} games`;
    if (line !== last) stream.write(`\r${line}`);
    last = line;
  };
  return {
    update: draw,
    finish() {
      draw(total);
      stream.write('\n');
    },
  };
}

export const NO_PROGRESS: Progress = { update() {}, finish() {} };
