import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { flattenWatched, MemoryTracker, type TrackScope } from './tracker.ts';

/** One line of `tracker/watched.jsonl`: a whole watched value with its scope. */
interface WatchLine extends TrackScope {
  time: string;
  metaName: string;
  value: unknown;
}

/**
 * Lines are appended whole (one `write` of a short line with O_APPEND), but a kill can still cut the last one: end it
 * with a newline, so that the next line starts on its own and only the cut one is lost.
 */
function endTornLine(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const fd = openSync(file, 'r');
  const last = Buffer.alloc(1);
  try {
    readSync(fd, last, 0, 1, statSync(file).size - 1);
  } finally {
    closeSync(fd);
  }
  if (last[0] !== 0x0a) appendFileSync(file, '\n');
}

/**
 * The default tracker: needs no service. Every `watch` appends one JSON line with the whole value to
 * `<work_dir>/tracker/watched.jsonl`, and its flattened leaves to `<work_dir>/tracker/metrics.jsonl`. On resume it
 * reloads the watched values, so a refine job after a crash still finds the probe's table.
 */
export class FileTracker extends MemoryTracker {
  readonly watchedFile: string;
  readonly metricsFile: string;

  constructor(workDir: string, options: { restore?: boolean } = {}) {
    super();
    this.watchedFile = join(workDir, 'tracker', 'watched.jsonl');
    this.metricsFile = join(workDir, 'tracker', 'metrics.jsonl');
    mkdirSync(dirname(this.watchedFile), { recursive: true });
    for (const file of [this.watchedFile, this.metricsFile]) endTornLine(file);
    if (options.restore) this.restore();
  }

  override watch(value: unknown, metaName: string, scope: TrackScope): void {
    const line: WatchLine = { ...scope, time: new Date().toISOString(), metaName, value };
    appendFileSync(this.watchedFile, `${JSON.stringify(line)}\n`);
    super.watch(value, metaName, scope);
  }

  protected override record(metric: Parameters<MemoryTracker['record']>[0]): void {
    super.record(metric);
    appendFileSync(this.metricsFile, `${JSON.stringify(metric)}\n`);
  }

  private restore(): void {
    if (!existsSync(this.watchedFile)) return;
    for (const text of readFileSync(this.watchedFile, 'utf8').split('\n')) {
      if (!text.trim()) continue;
      let line: WatchLine;
      try {
        line = JSON.parse(text) as WatchLine;
      } catch {
        continue; // a line cut short by a crash: everything before it is intact
      }
      this.store.set(line.metaName, line.value);
      for (const [key, leaf] of flattenWatched(line.value, line.metaName)) {
        this.store.set(key, leaf);
        this.records.push({ ...line, key, value: leaf });
      }
    }
  }
}
