import type { Logger } from '../logging/logger.ts';
import type { Ref } from '../refs/create-ref.ts';
import { createExtensionPoint } from '../refs/create-ref.ts';
import type { TrackedMetric, Tracker, TrackScope } from './tracker.ts';

/**
 * Where tracker plugins plug in: a plugin registers its tracker as a per-run service and contributes the service's
 * ref here; every run then sends what it watches to that tracker too (e.g. MLflow), next to the file tracker.
 */
export const trackersPoint = createExtensionPoint<Ref<Tracker>>({ id: 'core.trackers' });

/**
 * Sends every watch to the primary tracker and to extra trackers (plugins'), and answers queries from the primary,
 * so a slow or failing remote tracker never changes what jobs read. A failing extra is logged, not fatal.
 */
export class FanOutTracker implements Tracker {
  constructor(
    private readonly primary: Tracker,
    private readonly extras: readonly Tracker[],
    private readonly logger: Logger,
  ) {}

  watch(value: unknown, metaName: string, scope: TrackScope): void {
    this.primary.watch(value, metaName, scope);
    for (const extra of this.extras) this.guard(() => extra.watch(value, metaName, scope));
  }

  query(key: string): unknown {
    return this.primary.query(key);
  }

  watchConfig(config: Record<string, unknown>, prefix: string): void {
    this.primary.watchConfig(config, prefix);
    for (const extra of this.extras) this.guard(() => extra.watchConfig(config, prefix));
  }

  history(): readonly TrackedMetric[] {
    return this.primary.history();
  }

  /** Closes the primary; extra trackers are services, closed when the run's container is disposed. */
  async close(): Promise<void> {
    await this.primary.close();
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.logger.warn(`a tracker plugin failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
