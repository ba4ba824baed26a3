import { isMapping } from '../config/config-tree.ts';

/** Where a tracked value came from. */
export interface TrackScope {
  iteration: number;
  pipeline: string;
  job: string | null;
  /** Training step or similar, for curves. */
  step?: number;
}

/** One tracked value. */
export interface TrackedMetric extends TrackScope {
  key: string;
  value: unknown;
  time: string;
}

/**
 * The tracker (the reference's watcher): flattened metrics per job and iteration, plus an in-memory store that
 * later jobs query by key (k-sigma reads the probe's table this way).
 */
export interface Tracker {
  /**
   * Records `value` under `metaName`: a mapping is flattened to `<metaName>.<k1>.<k2>` leaves, anything else is
   * stored as is (docs/config.md#the-tracker).
   */
  watch(value: unknown, metaName: string, scope: TrackScope): void;
  /** The latest value stored under exactly `key`, or `undefined`. */
  query(key: string): unknown;
  /** Logs configuration values under `<prefix>.<top-level key>`. */
  watchConfig(config: Record<string, unknown>, prefix: string): void;
  /** Every metric recorded so far, oldest first. */
  history(): readonly TrackedMetric[];
  /** Flushes and releases resources. */
  close(): Promise<void>;
}

/** Flattens a watched value into `[key, leaf]` pairs using the reference's rule. */
export function flattenWatched(value: unknown, metaName: string): Array<[string, unknown]> {
  if (!isMapping(value)) return [[metaName, value]];
  const out: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(value)) out.push(...flattenWatched(v, `${metaName}.${k}`));
  return out;
}

/** A tracker that keeps everything in memory; the base of the file tracker, and enough for tests. */
export class MemoryTracker implements Tracker {
  protected readonly store = new Map<string, unknown>();
  protected readonly records: TrackedMetric[] = [];
  protected readonly configs: Record<string, unknown> = {};

  watch(value: unknown, metaName: string, scope: TrackScope): void {
    // The watched value itself stays queryable whole (k-sigma needs the table, not its leaves).
    this.store.set(metaName, value);
    const time = new Date().toISOString();
    for (const [key, leaf] of flattenWatched(value, metaName)) {
      this.store.set(key, leaf);
      this.record({ ...scope, key, value: leaf, time });
    }
  }

  query(key: string): unknown {
    return this.store.get(key);
  }

  watchConfig(config: Record<string, unknown>, prefix: string): void {
    for (const [k, v] of Object.entries(config)) this.configs[`${prefix}.${k}`] = v;
  }

  history(): readonly TrackedMetric[] {
    return this.records;
  }

  /** Configuration values logged so far. */
  loggedConfig(): Readonly<Record<string, unknown>> {
    return this.configs;
  }

  async close(): Promise<void> {}

  protected record(metric: TrackedMetric): void {
    this.records.push(metric);
  }
}
