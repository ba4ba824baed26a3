import { type ConfigTree, isMapping } from '../config/config-tree.ts';
import { closeMatches } from '../errors/did-you-mean.ts';
import type { DjSandboxError, SourceLocation } from '../errors/dj-sandbox-error.ts';
import { configError } from '../errors/errors.ts';
import { knownOperatorProvider } from './known-operator-providers.ts';
import type { AnyOperatorDefinition } from './operator.ts';
import type { OperatorDescriptor } from './operator-catalog.ts';
import { FILTER_BASE_PARAMS, OP_BASE_PARAMS, RECIPE_GLOBAL_KEYS } from './recipe-keys.ts';

/** What {@link checkRecipe} checks a recipe against. */
export interface RecipeCheckOptions {
  /** Native operators (contributed to `operatorsPoint`). */
  operators: readonly AnyOperatorDefinition[];
  /** Operators other engines run (contributed to `operatorCatalogPoint`). */
  catalog?: readonly OperatorDescriptor[];
  /** Maps a key path of the recipe to `file:line:column` (see `loadSideConfigSource`). */
  locate?: (path: ReadonlyArray<string | number>) => SourceLocation;
  /** How the recipe is named in messages (`pipelines[0].probe_job_configs[0].dj_configs`); default none. */
  configPath?: string;
}

/** Errors stop a run; warnings are shown. */
export interface RecipeCheck {
  errors: DjSandboxError[];
  warnings: DjSandboxError[];
}

/** A parameter's declared range, read from the operator's schema. */
interface ParamRange {
  minimum?: number;
  maximum?: number;
}

/** The parameters a native operator declares, with their ranges; `undefined` when its schema does not say. */
function nativeParams(definition: AnyOperatorDefinition): Map<string, ParamRange> | undefined {
  const schema = definition.params as unknown as {
    toJSONSchema?: (o: object) => { properties?: Record<string, Record<string, unknown>> };
    shape?: Record<string, unknown>;
  };
  let properties: Record<string, Record<string, unknown>> | undefined;
  try {
    properties = schema.toJSONSchema?.({ io: 'input', unrepresentable: 'any' }).properties;
  } catch {
    properties = undefined; // a schema that cannot be described: fall back to its keys
  }
  if (!properties && schema.shape) properties = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, {}]));
  if (!properties) return undefined;
  const out = new Map<string, ParamRange>();
  for (const [key, node] of Object.entries(properties)) {
    const range: ParamRange = {};
    const branches = [node, ...((node.anyOf as Array<Record<string, unknown>> | undefined) ?? [])];
    for (const branch of branches) {
      if (typeof branch.minimum === 'number') range.minimum = branch.minimum;
      if (typeof branch.maximum === 'number') range.maximum = branch.maximum;
    }
    out.set(key, range);
  }
  return out;
}

function joinPath(base: string | undefined, rest: string): string {
  return base ? `${base}.${rest}` : rest;
}

function suggestion(close: readonly string[]): string {
  return close.length > 0 ? ` Did you mean ${close.map((c) => JSON.stringify(c)).join(', ')}?` : '';
}

/**
 * Checks a Data-Juicer recipe strictly, before anything runs, and reports every problem: top-level keys that
 * Data-Juicer does not know, operators that neither the native engine nor a catalogued engine provides, parameters
 * an operator does not take (its own, from its schema or descriptor, plus the base-class keys every op accepts),
 * values outside a parameter's declared range, and `min_*` above `max_*`. Pure: reads no file. Used by
 * `dj-sandbox validate` and by the data engine, so both say the same. See docs/strict-recipes.md.
 */
export function checkRecipe(recipe: ConfigTree, options: RecipeCheckOptions): RecipeCheck {
  const errors: DjSandboxError[] = [];
  const warnings: DjSandboxError[] = [];
  const locate = options.locate ?? ((): SourceLocation => ({}));
  const where = (path: Array<string | number>) => {
    const location = locate(path);
    return location.file || location.line ? { location } : {};
  };
  const native = new Map(options.operators.map((o) => [o.name, o]));
  const catalogued = new Map((options.catalog ?? []).map((o) => [o.name, o]));
  const opNames = [...new Set([...native.keys(), ...catalogued.keys()])];

  for (const key of Object.keys(recipe)) {
    // Data-Juicer also takes an op's name as a top-level key (defaults for that op)
    if (RECIPE_GLOBAL_KEYS.includes(key) || native.has(key) || catalogued.has(key)) continue;
    const close = closeMatches(key, RECIPE_GLOBAL_KEYS, { limit: 3 });
    errors.push(
      configError('recipe-unknown-key', `unknown recipe key ${JSON.stringify(key)}.${suggestion(close)}`, {
        path: joinPath(options.configPath, key),
        ...where([key]),
        expected: "one of Data-Juicer's recipe keys (process, dataset_path, export_path, np, ...)",
        received: key,
        fix: 'Fix its spelling or remove it: Data-Juicer would ignore it, and a misspelt `process` processes nothing.',
        suggestions: close,
      }),
    );
  }

  const process = recipe.process;
  if (!Array.isArray(process)) return { errors, warnings };
  process.forEach((entry, index) => {
    let name: string;
    let params: ConfigTree;
    if (typeof entry === 'string') [name, params] = [entry, {}];
    else if (isMapping(entry) && Object.keys(entry).length === 1) {
      const [n, p] = Object.entries(entry)[0]!;
      if (p !== null && p !== undefined && !isMapping(p)) return; // the engine reports the shape
      [name, params] = [n, (p as ConfigTree | null) ?? {}];
    } else return;
    const opPath = joinPath(options.configPath, `process[${index}].${name}`);
    const definition = native.get(name);
    const descriptor = catalogued.get(name);
    if (!definition && !descriptor) {
      const close = closeMatches(name, opNames, {
        limit: 3,
        stem: (n) => n.replace(/_(filter|mapper|deduplicator|selector)$/, ''),
      });
      errors.push(
        configError('recipe-unknown-op', `unknown operator ${JSON.stringify(name)}.${suggestion(close)}`, {
          path: joinPath(options.configPath, `process[${index}]`),
          ...where(['process', index]),
          expected: opNames.length ? `one of ${opNames.length} known operators` : 'an operator from a loaded plugin',
          received: name,
          fix: knownOperatorProvider(name)
            ? `operator ${name} is provided by ${knownOperatorProvider(name)}: install it.`
            : opNames.length === 0
              ? 'No operator plugin is loaded: install @dj-sandbox/ops-text (or another ops-* package).'
              : 'Check the spelling, or install the plugin that provides this operator.',
          suggestions: close,
        }),
      );
      return;
    }
    const kind = definition?.kind ?? descriptor!.kind;
    const ranges = definition ? nativeParams(definition) : undefined;
    const own = ranges ? [...ranges.keys()] : descriptor ? Object.keys(descriptor.params) : undefined;
    const checkKeys = own !== undefined && !(descriptor?.acceptsExtraParams && !definition);
    const allowed = new Set([...(own ?? []), ...OP_BASE_PARAMS, ...(kind === 'filter' ? FILTER_BASE_PARAMS : [])]);
    for (const key of Object.keys(params)) {
      if (!checkKeys || allowed.has(key)) continue;
      const close = closeMatches(key, [...allowed], { limit: 3 });
      errors.push(
        configError('recipe-unknown-param', `${name} has no parameter ${JSON.stringify(key)}.${suggestion(close)}`, {
          path: `${opPath}.${key}`,
          ...where(['process', index, name, key]),
          expected: `one of ${name}'s parameters: ${(own ?? []).filter((k) => !OP_BASE_PARAMS.includes(k) && !FILTER_BASE_PARAMS.includes(k)).join(', ') || '(none of its own)'}`,
          received: key,
          fix: 'Fix its spelling or remove it: an unknown parameter is ignored, and the op runs with its default.',
          suggestions: close,
        }),
      );
    }
    for (const [key, value] of Object.entries(params)) {
      const range = ranges?.get(key);
      if (!range || typeof value !== 'number') continue;
      const below = range.minimum !== undefined && value < range.minimum;
      const above = range.maximum !== undefined && value > range.maximum;
      if (!below && !above) continue;
      const expected = `a value in [${range.minimum ?? '-inf'}, ${range.maximum ?? 'inf'}]`;
      // A lower bound below the range (or an upper one above it) bounds nothing; the opposite drops everything.
      const harmless = (below && key.startsWith('min_')) || (above && key.startsWith('max_'));
      (harmless ? warnings : errors).push(
        configError('recipe-param-range', `${name}.${key} = ${value} is outside its range.`, {
          path: `${opPath}.${key}`,
          ...where(['process', index, name, key]),
          expected,
          received: value,
          fix: harmless
            ? 'It bounds nothing there; write the range limit or null.'
            : 'With this value the filter drops every sample; use a value inside the range.',
        }),
      );
    }
    if (params.reversed_range === true) return;
    for (const [key, low] of Object.entries(params)) {
      if (!key.startsWith('min_') || typeof low !== 'number') continue;
      const highKey = `max_${key.slice(4)}`;
      const high = params[highKey];
      if (typeof high !== 'number' || low <= high) continue;
      errors.push(
        configError('recipe-min-above-max', `${name}: ${key} (${low}) is above ${highKey} (${high}).`, {
          path: `${opPath}.${key}`,
          ...where(['process', index, name, key]),
          expected: `${key} <= ${highKey}`,
          received: { [key]: low, [highKey]: high },
          fix: 'Swap them, or set reversed_range: true to keep the samples outside the range.',
        }),
      );
    }
  });
  return { errors, warnings };
}
