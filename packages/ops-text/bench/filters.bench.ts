/**
 * Samples per second of every text filter that needs no external model file, over real text: the chapters of
 * Moby-Dick cut into paragraphs (about 1.2 M characters), plus Data-Juicer's demo texts. Stats are computed on
 * fresh samples each round, so the cache rule never skips work.
 */
import type { FilterInstance } from '@dj-sandbox/core';
import { filters } from '../src/filters/index.ts';
import { createWithDefaults, mobyDickParagraphs } from './corpus.ts';

const SKIP = new Set([
  'perplexity_filter',
  'suffix_filter',
  'specified_field_filter',
  'specified_numeric_field_filter',
]);
const TIME_BUDGET_MS = 4000;

export default async function bench(): Promise<unknown> {
  const texts = mobyDickParagraphs();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const perFilter: Record<string, { samplesPerSec: number; mCharsPerSec: number; rounds: number }> = {};
  for (const op of filters) {
    if (SKIP.has(op.name)) continue;
    const filter = await createWithDefaults<FilterInstance>(op);
    let rounds = 0;
    let samples = 0;
    let processed = 0;
    const start = performance.now();
    do {
      // Batches of 1000, as Data-Juicer's batched ops get them.
      const batch = texts.map((text) => ({ text, __dj__stats__: {} }));
      for (let i = 0; i < batch.length; i += 1000) {
        const slice = batch.slice(i, i + 1000);
        await filter.computeStats(slice);
        for (const s of slice) filter.keep(s);
      }
      rounds++;
      samples += batch.length;
      processed += chars;
    } while (performance.now() - start < TIME_BUDGET_MS && rounds < 50);
    const secs = (performance.now() - start) / 1000;
    perFilter[op.name] = {
      samplesPerSec: Math.round(samples / secs),
      mCharsPerSec: Math.round((processed / secs / 1e6) * 100) / 100,
      rounds,
    };
  }
  return { corpus: { samples: texts.length, chars }, filters: perFilter };
}
