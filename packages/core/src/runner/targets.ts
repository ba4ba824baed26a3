import type { ContextInfos } from '../context/context-infos.ts';
import type { DjSandboxError } from '../errors/dj-sandbox-error.ts';
import { configError } from '../errors/errors.ts';

/** Comparators in the order the reference tries them (first substring match wins). */
export const TARGET_OPERATORS = ['==', '>=', '<=', '>', '<'] as const;

/** One of the supported comparators. */
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

/** A parsed iteration target: `<pipeline>.<meta_name>.<output_key> <op> <number>`. */
export interface IterTarget {
  key: string;
  op: TargetOperator;
  value: number;
  /** The reference's string form, e.g. `p.j.min_mse <= 0.2`. */
  text: string;
}

/** Formats a number the way Python's `str(float)` does for the common cases (`1` → `1.0`). */
export function pythonFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value);
}

/**
 * Parses a target string as the reference does (docs/config.md#iteration-targets), but never evaluates it as code, and
 * reports a comparator that appears twice instead of crashing.
 */
export function parseTarget(raw: string, path: string): IterTarget | DjSandboxError {
  const op = TARGET_OPERATORS.find((candidate) => raw.includes(candidate));
  if (!op) {
    return configError('target-operator', `invalid iter_targets [${raw}]: no valid comparator found.`, {
      path,
      expected: `one of ${TARGET_OPERATORS.join(' ')}`,
      received: raw,
      fix: 'Write it as "<pipeline>.<meta_name>.<output_key> <= 0.2".',
    });
  }
  const parts = raw.split(op);
  if (parts.length !== 2) {
    return configError('target-shape', `invalid iter_targets [${raw}]: the comparator ${op} appears more than once.`, {
      path,
      expected: 'exactly one comparator',
      received: raw,
      fix: 'Use one comparison per target; list several targets for several conditions.',
    });
  }
  const key = parts[0]!.trim();
  const valueText = parts[1]!.trim();
  const value = Number(valueText);
  if (valueText === '' || !Number.isFinite(value)) {
    return configError(
      'target-value',
      `invalid iter_targets [${raw}]: the target value [${valueText}] is not a valid number.`,
      {
        path,
        expected: 'a finite number after the comparator',
        received: valueText,
      },
    );
  }
  if (key.split('.').length !== 3 || key.split('.').some((p) => p === '')) {
    return configError('target-key', `invalid iter_targets [${raw}]: the key must have three parts.`, {
      path,
      expected: '<pipeline>.<meta_name>.<output_key>',
      received: key,
    });
  }
  return { key, op, value, text: `${key} ${op} ${pythonFloat(value)}` };
}

/** Numeric value of a looked-up result, as the reference's `eval` would see it; `undefined` when not numeric. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Compares two numbers with a target operator. */
export function compare(left: number, op: TargetOperator, right: number): boolean {
  switch (op) {
    case '==':
      return left === right;
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '<':
      return left < right;
  }
}

/** The outcome of checking one target on an iteration's context. */
export interface TargetCheck {
  target: IterTarget;
  met: boolean;
  value: unknown;
  /** Why it could not be checked (missing or non-numeric value). */
  problem?: string;
}

/** Checks a target on the current iteration's context. Non-numeric values count as not met. */
export function checkTarget(target: IterTarget, ctx: ContextInfos): TargetCheck {
  const found = ctx.lookup(target.key);
  if (!found.found) return { target, met: false, value: null, problem: `no value: missing ${found.missing}` };
  const n = numericValue(found.value);
  if (n === undefined) {
    return {
      target,
      met: false,
      value: found.value,
      problem: `the value ${JSON.stringify(found.value)} is not a valid number`,
    };
  }
  return { target, met: compare(n, target.op, target.value), value: found.value };
}
