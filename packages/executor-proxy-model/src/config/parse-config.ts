import { ConfigProblems, configError, type DjSandboxError, expandDottedKeys } from '@dj-sandbox/core';
import type { z } from 'zod';

/** What the config errors of one component type say besides the key. */
export interface ParseContext {
  /** Component type, e.g. `proxy_lm`. */
  type: string;
  /** Where the config sits, e.g. `extra_configs` (the hook adds the job's path to the message). */
  prefix?: string;
}

/**
 * Parses a component config with its schema (dotted keys such as `train.optimizer.lr` are expanded first). Every
 * problem becomes a `configError` that names the key, what was expected, what was received and a fix; several
 * problems are reported together.
 */
export function parseConfig<S extends z.ZodType>(schema: S, raw: unknown, ctx: ParseContext): z.output<S> {
  const input = expandDottedKeys(raw ?? {});
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: DjSandboxError[] = result.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    const received = issue.path.reduce<unknown>(
      (node, k) => (typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[k] : undefined),
      input,
    );
    return configError(
      'proxy-model-config',
      `${ctx.type}: invalid value for ${key || 'the config'}: ${issue.message}.`,
      {
        path: `${ctx.prefix ?? 'extra_configs'}${key ? `.${key}` : ''}`,
        expected: expectedOf(issue),
        received,
        fix: `Set ${key || 'the config'} to ${expectedOf(issue)} (see the @dj-sandbox/executor-proxy-model README).`,
      },
    );
  });
  if (problems.length === 1) throw problems[0]!;
  throw new ConfigProblems(problems);
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `a ${issue.expected}`;
    case 'too_small':
      return `a value ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`;
    case 'too_big':
      return `a value ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}
