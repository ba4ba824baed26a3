import { type ConfigTree, configError, type DjSandboxError, didYouMean, isMapping } from '@dj-sandbox/core';
import type { z } from 'zod';

/** Renders a path the way sandbox errors do, quoting keys that contain dots: `parameters["a.b"].min`. */
export function renderPath(parts: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

function valueAt(root: unknown, parts: ReadonlyArray<PropertyKey>): unknown {
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isMapping(node) && typeof part === 'string') node = (node as ConfigTree)[part];
    else return undefined;
  }
  return node;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : `a value of type ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `${issue.origin === 'array' ? 'a list of length' : 'a value'} ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `${issue.origin === 'array' ? 'a list of length' : 'a value'} ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function summaryOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return 'unknown value.';
  if (issue.code === 'invalid_type') return 'wrong type.';
  if (issue.code === 'too_small') return 'value too small.';
  if (issue.code === 'too_big') return 'value too big.';
  return `${issue.message}.`;
}

/**
 * Turns zod issues into config errors with the path (under `prefix`), what was expected, what was received (read
 * from `input`, so zod need not report inputs) and a fix; unknown keys get a did-you-mean from `known`.
 */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: ReadonlyArray<string | number>,
  known: readonly string[],
): DjSandboxError[] {
  const out: DjSandboxError[] = [];
  for (const issue of issues) {
    const rel = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(
          configError('sweep-unknown-key', `unknown key ${JSON.stringify(key)}.`, {
            path: renderPath([...prefix, ...rel, key]),
            expected: 'a key of the W&B sweep format',
            received: key,
            fix: `Remove it or fix its spelling.${didYouMean(key, known)}`,
          }),
        );
      }
      continue;
    }
    const received = valueAt(input, rel);
    const fix =
      issue.code === 'invalid_value' && typeof received === 'string'
        ? `Use one of the listed values.${didYouMean(received, issue.values.map(String))}`
        : received === undefined
          ? 'Add the key.'
          : 'Change the value.';
    out.push(
      configError('sweep-invalid', received === undefined ? 'missing value.' : summaryOf(issue), {
        path: renderPath([...prefix, ...rel]) || '(root)',
        expected: expectedOf(issue),
        received,
        fix,
      }),
    );
  }
  return out;
}
