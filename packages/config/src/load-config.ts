import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import {
  type ConfigTree,
  configError,
  type DjSandboxError,
  didYouMean,
  isMapping,
  type SandboxConfig,
  type SourceLocation,
} from '@dj-sandbox/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { discoverConfig, loadCodeConfig } from './discover.ts';
import { normalizeConfig } from './normalize.ts';
import { GLOBAL_KEYS, sandboxConfigSchema } from './schema.ts';
import { parseSource, renderPath } from './yaml-source.ts';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** `--config`; when absent the config is discovered from `cwd`. */
  configFile?: string;
  cwd?: string;
  /** Global keys given on the command line; they win over the file. */
  overrides?: Record<string, unknown>;
  /** Environment (default `process.env`): `DJ_SANDBOX_<KEY>` sets a global key below the file. */
  env?: Record<string, string | undefined>;
}

/**
 * The outcome: every problem found, and the config whenever it could be normalised. A config that comes with
 * errors is for reporting further problems only (validation in one pass), never for running.
 */
export interface LoadConfigResult {
  config?: SandboxConfig;
  file?: string;
  errors: DjSandboxError[];
  warnings: DjSandboxError[];
}

const SCALAR_GLOBALS = [
  'project_name',
  'experiment_name',
  'work_dir',
  'resume',
  'debug',
  'hpo_config',
  'max_iter_num',
  'iter_targets_mode',
  'max_iter_cap',
];

function envValues(env: Record<string, string | undefined>): ConfigTree {
  const out: ConfigTree = {};
  for (const key of SCALAR_GLOBALS) {
    const text = env[`DJ_SANDBOX_${key.toUpperCase()}`];
    if (text !== undefined) out[key] = parseYaml(text);
  }
  return out;
}

function issueToError(
  issue: z.core.$ZodIssue,
  locate: (p: Array<string | number>) => SourceLocation,
): DjSandboxError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'invalid_union') {
    // A job entry is "a path or a mapping": when it is a mapping, report what is wrong inside it.
    const branch = issue.errors.find((errors) => errors.length > 0 && errors.every((e) => e.path.length > 0));
    if (branch)
      return branch.flatMap((e) => issueToError({ ...e, path: [...path, ...e.path] } as z.core.$ZodIssue, locate));
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      configError('unknown-key', `unknown key ${JSON.stringify(key)}.`, {
        path: renderPath([...path, key]),
        location: locate([...path, key]),
        expected:
          path.length === 0
            ? 'one of the global keys (README, "Config reference", or dj-sandbox schema)'
            : 'a known key',
        received: key,
        fix: `Remove it or fix its spelling.${didYouMean(key, GLOBAL_KEYS)}`,
      }),
    );
  }
  const expected =
    issue.code === 'invalid_type'
      ? issue.expected
      : issue.code === 'invalid_union'
        ? 'a job mapping with a hook key, or a path to a .yaml/.yml/.json job file'
        : undefined;
  return [
    configError(
      'invalid-value',
      issue.code === 'invalid_type' || issue.code === 'invalid_union' ? 'wrong type.' : `${issue.message}.`,
      {
        path: renderPath(path) || '(root)',
        location: locate(path),
        ...(expected ? { expected } : {}),
        ...(issue.input !== undefined ? { received: issue.input } : {}),
      },
    ),
  ];
}

/** Orders problems as they appear in the file. */
function byPosition(errors: DjSandboxError[]): DjSandboxError[] {
  const key = (e: DjSandboxError) => (e.data.location?.line ?? 0) * 10_000 + (e.data.location?.column ?? 0);
  return [...errors].sort((a, b) => key(a) - key(b));
}

/**
 * Loads a sandbox config: finds it (`--config` wins over discovery), parses it with positions, applies
 * `DJ_SANDBOX_*` environment values below it and command-line overrides above it, validates every key at once
 * and normalises it for the runner. Problems come back as data; nothing is thrown for a bad config.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadConfigResult> {
  const cwd = options.cwd ?? process.cwd();
  let file = options.configFile ? resolve(cwd, options.configFile) : undefined;
  let value: unknown;
  let locate: (p: Array<string | number>) => SourceLocation = () => (file ? { file } : {});
  let scalarText: ((p: Array<string | number>) => string | undefined) | undefined;
  if (!file) {
    const found = await discoverConfig(cwd);
    if (!found) {
      return {
        errors: [
          configError('config-not-found', 'no sandbox config found.', {
            expected:
              'dj-sandbox.config.yaml (or .yml/.json/.mjs/.ts, .dj-sandboxrc, package.json#dj-sandbox) in this folder or above, or --config <file>',
            fix: 'Pass --config path/to/sandbox.yaml.',
          }),
        ],
        warnings: [],
      };
    }
    file = found.file;
    value = found.value;
  }
  if (value === undefined) {
    const ext = extname(file).toLowerCase();
    if (ext === '.mjs' || ext === '.js' || ext === '.ts' || ext === '.cjs') {
      value = await loadCodeConfig(file);
    } else {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as { code?: string }).code === 'EISDIR') {
          return {
            file,
            errors: [
              configError('config-is-folder', `${options.configFile ?? file} is a folder, not a config file.`, {
                path: '--config',
                received: options.configFile ?? file,
                fix: 'Pass the config file itself, e.g. --config path/to/sandbox.yaml.',
              }),
            ],
            warnings: [],
          };
        }
        return {
          file,
          errors: [
            configError('config-missing', 'the config file does not exist.', {
              path: '--config',
              received: options.configFile ?? file,
              fix: `Check the path (relative to ${cwd}).`,
            }),
          ],
          warnings: [],
        };
      }
      const parsed = parseSource(text, file);
      if ('code' in parsed) return { file, errors: [parsed], warnings: [] };
      value = parsed.value;
      locate = parsed.locate;
      scalarText = parsed.scalarText;
    }
  }
  if (value === null || value === undefined) {
    return {
      file,
      errors: [
        configError('config-empty', `${file} is empty.`, {
          location: { file },
          expected: 'a sandbox config: pipelines or *_job_configs, and global keys',
          fix: 'Write the jobs to run (see examples/), or pass the right --config.',
        }),
      ],
      warnings: [],
    };
  }
  if (!isMapping(value)) {
    return {
      file,
      errors: [
        configError('config-shape', 'the config must be a mapping of keys.', {
          location: { file },
          expected: 'key: value pairs at the top level',
          received: value,
        }),
      ],
      warnings: [],
    };
  }
  const merged: ConfigTree = { ...envValues(options.env ?? process.env), ...value, ...(options.overrides ?? {}) };
  const checked = sandboxConfigSchema.safeParse(merged, { reportInput: true });
  const errors = checked.success ? [] : byPosition(checked.error.issues.flatMap((i) => issueToError(i, locate)));
  const ctx = { cwd, file, locate, ...(scalarText ? { scalarText } : {}), errors, warnings: [] as DjSandboxError[] };
  let config: SandboxConfig | undefined;
  try {
    config = normalizeConfig(merged, ctx);
  } catch (error) {
    // With schema errors, normalising is best effort (so that later stages can still report their problems);
    // without them, a failure here is a bug and must surface.
    if (errors.length === 0) throw error;
  }
  // A config with errors comes back too (when it could be normalised), so that validation goes on to the plugins,
  // hooks and recipes and reports every problem at once; it must not be run.
  return { ...(config ? { config } : {}), file, errors: ctx.errors, warnings: ctx.warnings };
}
