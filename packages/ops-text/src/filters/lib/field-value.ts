import { jobError, type Sample } from '@dj-sandbox/core';

/**
 * Walks `fieldKey.split('.')` from the sample root as Data-Juicer's specified-field filters do: every level must
 * exist, else the op fails on that sample.
 */
export function walkField(sample: Sample, fieldKey: string, op: string): unknown {
  let current: unknown = sample;
  for (const part of fieldKey.split('.')) {
    if (current === null || typeof current !== 'object' || !(part in (current as object))) {
      throw jobError('op-field-missing', `${op}: the sample has no field '${fieldKey}' (missing '${part}')`, {
        plugin: 'ops-text',
        path: `${op}.field_key`,
        expected: `every level of '${fieldKey}' present in each sample`,
        received: current === null || typeof current !== 'object' ? String(current) : Object.keys(current).join(', '),
        fix: 'fix field_key, or fill the field in every sample before this op',
      });
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
