/**
 * Samples per second of every text mapper over real text: Moby-Dick paragraphs (about 1.2 M characters), each
 * round on fresh sample objects since mappers rewrite the text in place. chinese_convert_mapper runs on the same
 * (mostly Latin) text, so its figure is the dictionary-scan cost, not a Chinese workload.
 */
import type { MapperInstance } from '@dj-sandbox/core';
import { mappers } from '../src/mappers/index.ts';
import { createWithDefaults, mobyDickParagraphs } from './corpus.ts';

const TIME_BUDGET_MS = Number(process.env.MAPPER_BENCH_MS ?? 1500);

export default async function bench(): Promise<Record<string, unknown>> {
  const texts = mobyDickParagraphs();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const perMapper: Record<string, { samplesPerSec: number; mCharsPerSec: number }> = {};
  for (const op of mappers) {
    const mapper = await createWithDefaults<MapperInstance>(op);
    let rounds = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < TIME_BUDGET_MS || rounds === 0) {
      await mapper.processBatch(texts.map((text) => ({ text })));
      rounds++;
      elapsed = performance.now() - t0;
    }
    const seconds = elapsed / 1000;
    perMapper[op.name] = {
      samplesPerSec: Math.round((rounds * texts.length) / seconds),
      mCharsPerSec: +((rounds * chars) / seconds / 1e6).toFixed(2),
    };
  }
  return { samples: texts.length, chars, perMapper };
}
