import type { DeduplicatorInstance, FilterInstance, OperatorDefinition, Sample } from '@dj-sandbox/core';
import { silentLogger } from '@dj-sandbox/core';

/** The folder of the reference images these tests use (Data-Juicer's operator test images). */
export const mediaDir = new URL('../__fixtures__/media/', import.meta.url).pathname;

async function parse<P>(op: OperatorDefinition<never, P>, params: Record<string, unknown>): Promise<P> {
  const parsed = await op.params['~standard'].validate(params);
  if (parsed.issues) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value as P;
}

/**
 * Runs a filter as the engine does on samples whose image paths are relative to the fixture media (resolved
 * through `datasetDir`, as for a dataset file in that folder): returns each sample's stats and the kept indices.
 */
export async function runFilter<P>(
  op: OperatorDefinition<'filter', P>,
  samples: Sample[],
  params: Record<string, unknown> = {},
): Promise<{ stats: Record<string, unknown>[]; kept: number[] }> {
  const inst: FilterInstance = await op.create(await parse(op as never, params), {
    workDir: '/tmp',
    logger: silentLogger,
    datasetDir: mediaDir,
  });
  const copies = samples.map((s) => ({ ...s, __dj__stats__: {} }));
  await inst.computeStats(copies);
  return {
    stats: copies.map((s) => s.__dj__stats__),
    kept: copies.flatMap((s, i) => (inst.keep(s) ? [i] : [])),
  };
}

/** Runs a deduplicator as the engine does: hashes, then the kept indices from the hashes alone. */
export async function runDedup<P>(
  op: OperatorDefinition<'deduplicator', P>,
  samples: Sample[],
  params: Record<string, unknown> = {},
): Promise<{ samples: Sample[]; kept: number[] }> {
  const inst: DeduplicatorInstance = await op.create(await parse(op as never, params), {
    workDir: '/tmp',
    logger: silentLogger,
    datasetDir: mediaDir,
  });
  const copies = samples.map((s) => ({ ...s }));
  await inst.computeHash(copies);
  const records = copies.map((s, index) => ({
    index,
    hashes: Object.fromEntries(inst.hashKeys.map((k) => [k, s[k]])),
  }));
  const keep = await inst.selectUnique(records);
  return { samples: copies, kept: records.map((r) => r.index).filter(keep) };
}
