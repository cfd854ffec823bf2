import type { ApplyProgress } from '../write/apply.js';

/**
 * Progress of a long import on the terminal: a bar with items/s and ETA, redrawn in place when the
 * stream is a TTY; otherwise a plain line at every tenth, so that logs stay readable.
 */
export interface ProgressDisplay {
  onProgress: ApplyProgress;
  /** Ends the bar's line. */
  finish(): void;
}

const WIDTH = 30;

export function progressDisplay(stream: NodeJS.WriteStream, label: string, now: () => number = Date.now): ProgressDisplay {
  const started = now();
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  const line = (done: number, total: number): string => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = done / seconds;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const share = total === 0 ? 1 : done / total;
    const bar = stream.isTTY ? ` [${'#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.')}]` : '';
    const rateText = Math.round(rate).toLocaleString('en');
    return `${label}${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')} items  ${rateText}/s  ETA ${eta}s`;
  };
  return {
    onProgress(done, total) {
      if (stream.isTTY) {
        if (now() - lastDraw < 100 && done < total) return;
        lastDraw = now();
        drawn = true;
        stream.write(`\r${line(done, total)}\x1b[K`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${line(done, total)}\n`);
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
