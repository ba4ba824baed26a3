import { readFileSync } from 'node:fs';
import { type AnyOperatorDefinition, type FilterInstance, type Sample, silentLogger } from '@dj-sandbox/core';

/** Validates raw recipe params through the op's schema, as the data engine does, and creates a filter instance. */
export async function createFilter(
  op: AnyOperatorDefinition,
  raw: Record<string, unknown> = {},
): Promise<FilterInstance> {
  const result = await op.params['~standard'].validate(raw);
  if (result.issues) throw new Error(`invalid params: ${result.issues.map((i) => i.message).join('; ')}`);
  return (await op.create(result.value, { workDir: '/tmp', logger: silentLogger })) as FilterInstance;
}

/** Runs a filter over texts; returns each sample's stats and keep decision. */
export async function runFilter(
  op: AnyOperatorDefinition,
  texts: string[],
  raw: Record<string, unknown> = {},
): Promise<Array<{ stats: Record<string, unknown>; keep: boolean }>> {
  const filter = await createFilter(op, raw);
  const samples: Sample[] = texts.map((text) => ({ text, __dj__stats__: {} }));
  await filter.computeStats(samples);
  return samples.map((s) => ({ stats: s.__dj__stats__ as Record<string, unknown>, keep: filter.keep(s) }));
}

/** The texts of a fixture JSONL file under `src/__fixtures__/`. */
export function fixtureTexts(name: string): string[] {
  const url = new URL(`../__fixtures__/${name}`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Python-style rounding to 6 decimals, as the reference table prints (docs/text-operators.md#reference-values). */
export function round6(x: unknown): number {
  return Math.round(Number(x) * 1e6) / 1e6;
}
