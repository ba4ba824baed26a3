import type { JobInfos } from '../context/context-infos.ts';
import { jobError } from '../errors/errors.ts';
import { isMultiOutput } from '../hooks/define-hook.ts';

/**
 * Turns a hook's return value into recorded outputs (docs/config.md#output-recording): a {@link multiOutput} gives N
 * outputs, a one-element array gives its element, anything else one output. Unlike the reference, a falsy result (`0`,
 * `''`, `[]`, `null`) is recorded as it is, and `undefined` records a job with no outputs.
 */
export function normaliseOutputs(result: unknown): unknown[] {
  if (result === undefined) return [];
  if (isMultiOutput(result)) return [...result.values];
  if (Array.isArray(result) && result.length === 1) return [result[0]];
  return [result];
}

/**
 * Builds the job's record. Output keys are the configured `output` list, or `"0".."N-1"` (strings, so that they
 * can be looked up in the same run; the reference used integers that never matched).
 */
export function recordJob(
  metaName: string | null,
  configured: string[] | null,
  result: unknown,
  blame: { hook: string; job: string | null; pipeline: string; plugin?: string },
): JobInfos {
  let outputs = normaliseOutputs(result);
  if (configured && configured.length > 0 && outputs.length === 0) outputs = configured.map(() => null);
  const keys = configured ?? outputs.map((_, i) => String(i));
  if (keys.length !== outputs.length) {
    throw jobError(
      'output-count',
      `## HOOK [${blame.hook}]: the number of outputs does not match the number of output keys.`,
      {
        ...blame,
        job: blame.job ?? undefined,
        path: 'output',
        expected: `${keys.length} output${keys.length === 1 ? '' : 's'} (${JSON.stringify(keys)})`,
        received: `${outputs.length} output${outputs.length === 1 ? '' : 's'}`,
        fix: 'Make the output list match what the hook returns, or remove output to get keys "0", "1", ...',
      },
    );
  }
  return { metaName, outputKeys: keys, outputs };
}
