import { jobError, type Sample } from '@dj-sandbox/core';
import { getNested } from './nested.ts';

/** The key of the per-sample stats dict. */
export const STATS_KEY = '__dj__stats__';

/**
 * A sample's `__dj__stats__` dict. The runtime initialises it to `{}`; a sample that arrives without one (a direct
 * call in a test or a tool) gets one here.
 */
export function statsOf(sample: Sample): Record<string, unknown> {
  let stats = sample[STATS_KEY];
  if (stats === null || typeof stats !== 'object') {
    stats = {};
    sample[STATS_KEY] = stats;
  }
  return stats as Record<string, unknown>;
}

/** The text at `textKey` (dotted paths allowed); a missing or non-string value is a job error naming the op. */
export function textOf(sample: Sample, textKey: string, op: string): string {
  const value = getNested(sample, textKey);
  if (typeof value === 'string') return value;
  throw jobError('op-text-missing', `${op}: the sample has no text at '${textKey}'`, {
    plugin: 'ops-text',
    path: textKey,
    expected: 'a string',
    received: value === undefined ? 'no such field' : JSON.stringify(value)?.slice(0, 80),
    fix: `set text_key of ${op} to the field that holds the text, or drop samples without it before this op`,
  });
}
