import type { Progress, ProgressTask } from '@dj-sandbox/core';
import cliProgress from 'cli-progress';

function rate(done: number, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? `${(done / seconds).toFixed(1)}/s` : '';
}

/** Plain progress lines (CI, pipes): one line at start, every `everyMs`, and at the end. */
export function lineProgress(write: (line: string) => void, everyMs = 5000): Progress {
  return {
    start(label, total, unit = 'items') {
      let done = 0;
      let max = total;
      const startedAt = performance.now();
      let last = startedAt;
      write(`▶ ${label}${max ? ` (${max} ${unit})` : ''}`);
      const task: ProgressTask = {
        tick(n = 1) {
          done += n;
          const now = performance.now();
          if (now - last >= everyMs) {
            last = now;
            write(`  ${label}: ${done}${max ? `/${max}` : ''} ${unit} ${rate(done, startedAt)}`);
          }
        },
        setTotal(t) {
          max = t;
        },
        done() {
          write(
            `✔ ${label}: ${done} ${unit} in ${((performance.now() - startedAt) / 1000).toFixed(1)}s (${rate(done, startedAt)})`,
          );
        },
      };
      return task;
    },
  };
}

/** Progress bars on a terminal: samples done, rate and ETA per task. */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return {
    start(label, total, unit = 'items') {
      const bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} [{bar}] {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      const startedAt = performance.now();
      let done = 0;
      bar.start(total ?? 0, 0, { rate: '0' });
      return {
        tick(n = 1) {
          done += n;
          const seconds = (performance.now() - startedAt) / 1000;
          bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '0' });
        },
        setTotal(t) {
          bar.setTotal(t);
        },
        done() {
          bar.stop();
        },
      };
    },
  };
}

/** Bars on an interactive terminal, lines otherwise (and always in CI). */
export function progressFor(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY && !process.env.CI ? barProgress(stream) : lineProgress((l) => stream.write(`${l}\n`));
}
