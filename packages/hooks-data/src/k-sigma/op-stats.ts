import { type AnyOperatorDefinition, type ConfigTree, isMapping, jobError, type Logger } from '@dj-sandbox/core';
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

/**
 * Resolves each `process` entry against the operator registry: validates its parameters with the operator's
 * schema (so defaults are filled the way the data engine fills them) and asks the operator which stats keys it
 * writes. Operators that no loaded plugin provides are skipped with a warning, as Data-Juicer skips ops that are
 * absent from its stats access log.
 */
export async function resolveProcessEntries(
  process: unknown,
  operators: readonly AnyOperatorDefinition[],
  logger: Logger,
  blame: { job?: string; pipeline: string },
): Promise<ProcessEntry[]> {
  if (!Array.isArray(process)) return [];
  const byName = new Map(operators.map((op) => [op.name, op]));
  const out: ProcessEntry[] = [];
  for (const [index, entry] of process.entries()) {
    const named = entryName(entry);
    if (!named) continue;
    const [name, written] = named;
    const definition = byName.get(name);
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
      bounds: paramBounds(definition.params),
    });
  }
  return out;
}
