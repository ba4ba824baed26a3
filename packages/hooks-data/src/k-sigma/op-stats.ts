import {
  type AnyOperatorDefinition,
  type ConfigTree,
  isMapping,
  jobError,
  type Logger,
  type OperatorDescriptor,
} from '@dj-sandbox/core';
import { type ParamBounds, paramBounds } from './param-bounds.ts';

/** One entry of a recipe's `process` list, with what k-sigma needs to know about it. */
export interface ProcessEntry {
  /** Position in `process`. */
  index: number;
  name: string;
  /** The parameters as the user wrote them (the mapping that refinement edits), or null. */
  written: ConfigTree | null;
  /** Stats keys the operator produces for these parameters (empty for mappers and unknown ops). */
  statsKeys: readonly string[];
  bounds: Record<string, ParamBounds>;
}

function entryName(entry: unknown): [string, ConfigTree | null] | undefined {
  if (typeof entry === 'string') return [entry, null];
  if (!isMapping(entry)) return undefined;
  const keys = Object.keys(entry);
  if (keys.length !== 1) return undefined;
  const name = keys[0]!;
  const params = entry[name];
  return [name, isMapping(params) ? params : null];
}

/** Bounds of a catalogued operator's parameters from their declared Python types (`int`, `PositiveInt`, ...). */
function catalogBounds(descriptor: OperatorDescriptor): Record<string, ParamBounds> {
  const bounds: Record<string, ParamBounds> = {};
  for (const [name, param] of Object.entries(descriptor.params)) {
    const type = param.type ?? '';
    const integer = /\b(int|PositiveInt|NonNegativeInt)\b/.test(type) && !/\bfloat\b/.test(type);
    const nonNegative = /NonNegative|Positive|ClosedUnitInterval/.test(type);
    if (integer || nonNegative) bounds[name] = { integer, ...(nonNegative ? { minimum: 0 } : {}) };
  }
  return bounds;
}

/**
 * Adds what the catalogue knows to a native operator's bounds: a parameter Data-Juicer declares `int` is an integer
 * even where the native schema only says number (Data-Juicer rejects a float there).
 */
function withCatalogTypes(
  bounds: Record<string, ParamBounds>,
  descriptor: OperatorDescriptor | undefined,
): Record<string, ParamBounds> {
  if (!descriptor) return bounds;
  const out = { ...bounds };
  for (const [name, fromCatalog] of Object.entries(catalogBounds(descriptor))) {
    const native = out[name];
    out[name] = native ? { ...native, integer: native.integer || fromCatalog.integer } : fromCatalog;
  }
  return out;
}

/**
 * Resolves each `process` entry against the operator registry: validates its parameters with the operator's
 * schema (so defaults are filled the way the data engine fills them) and asks the operator which stats keys it
 * writes. Operators only another engine runs (Data-Juicer in Python) are read from the operator catalogue: their
 * stats keys, and integer parameters from their declared types. Operators that nobody provides are skipped with a
 * warning, as Data-Juicer skips ops that are absent from its stats access log.
 */
export async function resolveProcessEntries(
  process: unknown,
  operators: readonly AnyOperatorDefinition[],
  logger: Logger,
  blame: { job?: string; pipeline: string },
  catalog: readonly OperatorDescriptor[] = [],
): Promise<ProcessEntry[]> {
  if (!Array.isArray(process)) return [];
  const byName = new Map(operators.map((op) => [op.name, op]));
  const catalogued = new Map(catalog.map((op) => [op.name, op]));
  const out: ProcessEntry[] = [];
  for (const [index, entry] of process.entries()) {
    const named = entryName(entry);
    if (!named) continue;
    const [name, written] = named;
    const definition = byName.get(name);
    const descriptor = catalogued.get(name);
    if (!definition && descriptor) {
      out.push({ index, name, written, statsKeys: descriptor.statsKeys ?? [], bounds: catalogBounds(descriptor) });
      continue;
    }
    if (!definition) {
      logger.warn(`k-sigma: operator ${name} is provided by no loaded plugin; its parameters are left as written.`);
      continue;
    }
    const result = await definition.params['~standard'].validate(written ?? {});
    if (result.issues) {
      throw jobError('k-sigma-op-params', `the parameters of ${name} are invalid.`, {
        plugin: 'hooks-data',
        ...blame,
        path: `dj_configs.process[${index}].${name}`,
        expected: `parameters accepted by ${name}`,
        received: written,
        fix: result.issues.map((i) => i.message).join('; '),
      });
    }
    out.push({
      index,
      name,
      written,
      statsKeys: definition.statsKeys?.(result.value) ?? [],
      bounds: withCatalogTypes(paramBounds(definition.params), descriptor),
    });
  }
  return out;
}
