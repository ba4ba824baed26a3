import { stat } from 'node:fs/promises';

/**
 * Memoises one probe per media file: keyed by path, size and modification time, so a file rewritten between runs
 * is probed again. Concurrent requests for one file share the one child process. Bounded: the oldest entries go
 * first once `maxEntries` is reached, so a dataset of millions of distinct files does not grow it without limit.
 */
export class ProbeCache<T> {
  readonly #entries = new Map<string, Promise<T>>();

  constructor(
    private readonly probe: (path: string) => Promise<T>,
    private readonly maxEntries = 50_000,
  ) {}

  /** The probe result for `path`, from the cache when the file is unchanged. */
  async get(path: string): Promise<T> {
    const info = await stat(path).catch(() => undefined);
    const key = info ? `${path}\0${info.size}\0${info.mtimeMs}` : path;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = this.probe(path);
      // A failed probe is not remembered: the next request tries again (the file may have been fixed).
      entry.catch(() => this.#entries.delete(key));
      if (this.#entries.size >= this.maxEntries) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** How many files are cached (for tests and diagnostics). */
  get size(): number {
    return this.#entries.size;
  }
}
