import { dirname, isAbsolute, resolve } from 'node:path';
import {
  type AnyOperatorDefinition,
  ConfigProblems,
  type ConfigTree,
  checkRecipe,
  configError,
  type DjSandboxError,
  isMapping,
  issuePath,
  type OperatorDescriptor,
} from '@dj-sandbox/core';
import { COMMON_OP_DEFAULTS, FILTER_OP_DEFAULTS, GLOBAL_DEFAULTS } from './global-defaults.ts';
import type { DjRecipe, ResolvedOp } from './recipe-types.ts';

/** Export formats of the standalone executor (docs/recipes.md#export). */
export const EXPORT_TYPES = ['jsonl', 'json', 'parquet'] as const;

/** Options of {@link initRecipe}. */
export interface InitRecipeOptions {
  /** Folder that relative `export_path` / `work_dir` are resolved against (default: the working directory). */
  cwd?: string;
  /** Operators other engines run (`operatorCatalogPoint`): known to the strict check, not runnable here. */
  catalog?: readonly OperatorDescriptor[];
  /** Receives the strict check's warnings (bounds that bound nothing). */
  onWarning?: (warning: DjSandboxError) => void;
}

/** The export format: `export_type`, else the suffix of `export_path` (docs/recipes.md#recipe-files-and-defaults). */
export function exportTypeOf(tree: ConfigTree): string {
  const explicit = tree.export_type;
  if (typeof explicit === 'string' && explicit) return explicit.replace(/^\./, '');
  const path = String(tree.export_path ?? '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
}

function textKeysOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** Splits one `process` item into its op name and user params, or reports why it cannot. */
function parseEntry(entry: unknown, index: number): { name: string; params: ConfigTree } | DjSandboxError {
  if (typeof entry === 'string') return { name: entry, params: {} };
  if (!isMapping(entry) || Object.keys(entry).length !== 1) {
    return configError('recipe-op-entry', 'each process entry must be a mapping with exactly one operator name.', {
      path: `process[${index}]`,
      expected: '`- op_name: {params}` or `- op_name:`',
      received: entry,
      fix: 'Write one operator per list item.',
    });
  }
  const [name, params] = Object.entries(entry)[0]!;
  if (params !== null && params !== undefined && !isMapping(params)) {
    return configError('recipe-op-params', `the parameters of ${name} must be a mapping.`, {
      path: `process[${index}].${name}`,
      expected: 'a mapping of parameter names to values, or nothing',
      received: params,
      fix: `Write \`- ${name}: {param: value}\`.`,
    });
  }
  return { name, params: { ...((params as ConfigTree | null) ?? {}) } };
}

function notNative(name: string, index: number, engine: string): DjSandboxError {
  return configError('recipe-op-not-native', `operator ${JSON.stringify(name)} runs only on the ${engine} engine.`, {
    path: `process[${index}]`,
    expected: 'an operator of a loaded operator plugin',
    received: name,
    fix: `Run this recipe with the ${engine} engine (see docs/data-engines.md), or replace the operator.`,
  });
}

async function resolveOp(
  name: string,
  user: ConfigTree,
  index: number,
  definition: AnyOperatorDefinition,
  globals: ConfigTree,
  textKey: string,
): Promise<ResolvedOp | DjSandboxError[]> {
  const injected: ConfigTree = {
    text_key: textKey,
    image_key: globals.image_key,
    audio_key: globals.audio_key,
    video_key: globals.video_key,
    image_bytes_key: globals.image_bytes_key,
    turbo: globals.turbo,
    skip_op_error: globals.skip_op_error,
    work_dir: globals.work_dir,
    num_proc: globals.np,
  };
  const config: ConfigTree = { ...COMMON_OP_DEFAULTS, ...(definition.kind === 'filter' ? FILTER_OP_DEFAULTS : {}) };
  for (const [k, v] of Object.entries(user)) config[k] = v;
  // Data-Juicer's update_op_attr: a global value wins only where the op leaves the key unset or null.
  for (const [k, v] of Object.entries(injected)) if (user[k] === null || user[k] === undefined) config[k] = v;
  const result = await definition.params['~standard'].validate(config);
  if (result.issues) {
    return result.issues.map((issue) =>
      configError('recipe-op-param', `invalid parameter of ${name}: ${issue.message}`, {
        path: `process[${index}].${name}${issuePath(issue) ? `.${issuePath(issue)}` : ''}`,
        received: issuePath(issue) ? config[String(issuePath(issue).split(/[.[]/)[0])] : config,
        fix: `See the parameters of ${name} in the operator reference.`,
      }),
    );
  }
  const params = { ...config, ...(result.value as Record<string, unknown>) };
  return { index, name, kind: definition.kind, definition, config, params };
}

/**
 * Normalises a raw Data-Juicer recipe (docs/recipes.md#recipe-files-and-defaults): fills every global default, makes
 * `export_path` and `work_dir` absolute, expands each `process` entry to its full parameter dict (common defaults, the
 * op's schema defaults, global injection of `text_key` = first of `text_keys`, `image_key`, ..., `num_proc` = `np`
 * where the op leaves them unset or null) and validates it with the operator's `params` schema. Every problem is
 * reported at once as a `ConfigProblems` error. Pure: reads no file.
 */
export async function initRecipe(
  tree: ConfigTree,
  operators: readonly AnyOperatorDefinition[],
  options: InitRecipeOptions = {},
): Promise<DjRecipe> {
  const cwd = options.cwd ?? process.cwd();
  const strict = checkRecipe(tree, { operators, ...(options.catalog ? { catalog: options.catalog } : {}) });
  const problems: DjSandboxError[] = [...strict.errors];
  for (const warning of strict.warnings) options.onWarning?.(warning);
  const catalogued = new Map((options.catalog ?? []).map((o) => [o.name, o]));
  const full: ConfigTree = structuredClone({ ...GLOBAL_DEFAULTS });
  for (const [k, v] of Object.entries(tree)) if (v !== undefined) full[k] = structuredClone(v);
  for (const key of ['dataset', 'validators', 'suffixes', 'percentiles', 'process'] as const) {
    if (full[key] === null) full[key] = structuredClone(GLOBAL_DEFAULTS[key]);
  }

  const textKeys = textKeysOf(full.text_keys);
  if (!textKeys) {
    problems.push(
      configError('recipe-text-keys', 'text_keys must be a field name or a non-empty list of field names.', {
        path: 'text_keys',
        expected: 'a string or a list of strings',
        received: full.text_keys,
        fix: 'Write `text_keys: text`.',
      }),
    );
  }
  const np = full.np;
  if (typeof np !== 'number' || !Number.isInteger(np) || np < 1) {
    problems.push(
      configError('recipe-np', 'np must be a positive integer.', {
        path: 'np',
        expected: 'an integer >= 1',
        received: np,
        fix: 'Write `np: 4` (it is clamped to the CPU count).',
      }),
    );
  }
  const shard = full.export_shard_size;
  if (typeof shard !== 'number' || shard < 0) {
    problems.push(
      configError('recipe-shard-size', 'export_shard_size must be a number of bytes >= 0.', {
        path: 'export_shard_size',
        expected: '0 (one file) or a size in bytes',
        received: shard,
      }),
    );
  }
  if (typeof full.export_path !== 'string' || !full.export_path) {
    problems.push(
      configError('recipe-export-path', 'export_path must be a file path.', {
        path: 'export_path',
        expected: 'a path ending in .jsonl, .json or .parquet',
        received: full.export_path,
      }),
    );
  } else {
    const type = exportTypeOf(full);
    if (!(EXPORT_TYPES as readonly string[]).includes(type)) {
      problems.push(
        configError(
          'recipe-export-type',
          `export type ${JSON.stringify(type)} is not supported by the standalone executor.`,
          {
            path: full.export_type ? 'export_type' : 'export_path',
            expected: `one of ${EXPORT_TYPES.join(', ')}`,
            received: full.export_type ?? full.export_path,
            fix: 'Use a .jsonl, .json or .parquet export_path.',
          },
        ),
      );
    }
  }
  const exportPath = typeof full.export_path === 'string' ? resolve(cwd, full.export_path) : resolve(cwd, 'out.jsonl');
  full.export_path = exportPath;
  const workDir =
    typeof full.work_dir === 'string' && full.work_dir
      ? isAbsolute(full.work_dir)
        ? full.work_dir
        : resolve(cwd, full.work_dir)
      : dirname(exportPath);
  full.work_dir = workDir;

  const byName = new Map(operators.map((o) => [o.name, o]));
  const entries = Array.isArray(full.process) ? full.process : [];
  if (!Array.isArray(full.process)) {
    problems.push(
      configError('recipe-process', 'process must be a list of operators.', {
        path: 'process',
        expected: 'a list such as `- text_length_filter: {min_len: 10}`',
        received: full.process,
      }),
    );
  }
  const ops: ResolvedOp[] = [];
  const expanded: unknown[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = parseEntry(entries[i], i);
    if ('code' in entry) {
      problems.push(entry);
      continue;
    }
    const definition = byName.get(entry.name);
    if (!definition) {
      // an op in no engine's catalogue was reported by the strict check; one only another engine runs is said here
      const elsewhere = catalogued.get(entry.name);
      if (elsewhere) problems.push(notNative(entry.name, i, elsewhere.engine));
      continue;
    }
    const op = await resolveOp(entry.name, entry.params, i, definition, full, textKeys?.[0] ?? 'text');
    if (Array.isArray(op)) {
      problems.push(...op);
      continue;
    }
    ops.push(op);
    expanded.push({ [op.name]: op.config });
  }
  if (problems.length > 0) throw problems.length === 1 ? problems[0]! : new ConfigProblems(problems);
  full.process = expanded;
  return { tree: full, ops, textKeys: textKeys ?? ['text'], exportPath, workDir, np: np as number };
}
