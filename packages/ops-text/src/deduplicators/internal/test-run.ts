import type { DeduplicatorInstance, OperatorDefinition, Sample } from '@dj-sandbox/core';
import { silentLogger } from '@dj-sandbox/core';

/** Test helper: parses params, hashes the samples, and returns the kept dataset indices as the runtime would. */
export async function runDedup<P>(
  op: OperatorDefinition<'deduplicator', P>,
  samples: Sample[],
  params: Record<string, unknown> = {},
): Promise<{ kept: number[]; samples: Sample[] }> {
  const parsed = await op.params['~standard'].validate(params);
  if (parsed.issues) throw new Error(JSON.stringify(parsed.issues));
  const inst: DeduplicatorInstance = await op.create(parsed.value as P, { workDir: '/tmp', logger: silentLogger });
  const copies = samples.map((s) => ({ ...s }));
  await inst.computeHash(copies);
  const records = copies.map((s, index) => ({
    index,
    hashes: Object.fromEntries(inst.hashKeys.map((k) => [k, s[k]])),
  }));
  const keep = await inst.selectUnique(records);
  return { kept: records.map((r) => r.index).filter(keep), samples: copies };
}
