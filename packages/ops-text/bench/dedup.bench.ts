/**
 * MinHash deduplication throughput and peak memory on N generated documents made from real text (80–200 words
 * drawn from Moby-Dick's word stream; every fifth document is a near copy of an earlier one with three words
 * changed, so about 80% of the documents should stay). Only hash records are kept between hashing and selection, as the runtime does. N comes from
 * `DEDUP_BENCH_N` (default 100 000). Also reports SimHash and exact dedup on the same documents.
 */
import type { AnyOperatorDefinition, DeduplicatorInstance, HashRecord } from '@dj-sandbox/core';
import { deduplicators } from '../src/deduplicators/index.ts';
import { mulberry32 } from '../src/test-helpers/mulberry32.ts';
import { createWithDefaults, mobyDickParagraphs } from './corpus.ts';

const BATCH = 1000;

function words(): string[] {
  return mobyDickParagraphs().flatMap((p) => p.split(/\s+/).filter(Boolean));
}

function* documents(n: number, pool: string[]): Generator<string> {
  const rand = mulberry32(42);
  const recent: string[] = [];
  for (let i = 0; i < n; i++) {
    let doc: string;
    if (i % 5 === 4 && recent.length > 0) {
      const w = (recent[Math.floor(rand() * recent.length)] as string).split(' ');
      for (let k = 0; k < 3; k++) w[Math.floor(rand() * w.length)] = pool[Math.floor(rand() * pool.length)] as string;
      doc = w.join(' ');
    } else {
      // Words drawn independently from the text keep its vocabulary and frequencies, but two fresh documents
      // share no 5-word shingle by chance (overlapping windows of one book would chain into a few giant clusters).
      const len = 80 + Math.floor(rand() * 120);
      const w: string[] = new Array(len);
      for (let k = 0; k < len; k++) w[k] = pool[Math.floor(rand() * pool.length)] as string;
      doc = w.join(' ');
      recent.push(doc);
      if (recent.length > 1000) recent.shift();
    }
    yield doc;
  }
}

async function run(op: AnyOperatorDefinition, n: number, pool: string[]) {
  const inst = await createWithDefaults<DeduplicatorInstance>(op);
  const records: HashRecord[] = [];
  const t0 = performance.now();
  let batch: Array<Record<string, unknown>> = [];
  const flush = async () => {
    await inst.computeHash(batch);
    for (const s of batch)
      records.push({ index: records.length, hashes: Object.fromEntries(inst.hashKeys.map((k) => [k, s[k]])) });
    batch = [];
  };
  for (const text of documents(n, pool)) {
    batch.push({ text });
    if (batch.length === BATCH) await flush();
  }
  await flush();
  const t1 = performance.now();
  const keep = await inst.selectUnique(records);
  let kept = 0;
  for (const r of records) if (keep(r.index)) kept++;
  const t2 = performance.now();
  return {
    docs: n,
    kept,
    hashSamplesPerSec: Math.round(n / ((t1 - t0) / 1000)),
    selectSeconds: +((t2 - t1) / 1000).toFixed(2),
    totalSamplesPerSec: Math.round(n / ((t2 - t0) / 1000)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const n = Number(process.env.DEDUP_BENCH_N ?? 100_000);
  const pool = words();
  const out: Record<string, unknown> = {};
  for (const name of (
    process.env.DEDUP_BENCH_OPS ?? 'document_minhash_deduplicator,document_simhash_deduplicator,document_deduplicator'
  ).split(',')) {
    const op = deduplicators.find((d) => d.name === name);
    if (op) out[name] = await run(op, n, pool);
  }
  return out;
}
