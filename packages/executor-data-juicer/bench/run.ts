// Benchmarks of the data engine (docs/architecture.md#benchmarks): prints ONE JSON object. BENCH_MB sets the big input
// size (default 200).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '../src/__fixtures__');
const dir = mkdtempSync(join(tmpdir(), 'dj-bench-data-'));
const MB = Number(process.env.BENCH_MB ?? 200);

const corpus = [
  'data-demo-dataset-deduplication.jsonl',
  'data_mixture-the-pile-nih-refined.jsonl',
  'data_mixture-redpajama-c4-refined.jsonl',
  'data-demo-dataset.jsonl',
].flatMap((f) =>
  readFileSync(join(fixtures, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>),
);

/** Real reference texts, duplicated (with an id so rows differ) up to `mb` megabytes. */
async function generate(name: string, mb: number): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  let bytes = 0;
  let i = 0;
  while (bytes < mb * 1024 * 1024) {
    let chunk = '';
    for (let k = 0; k < 1000; k++, i++) {
      chunk += `${JSON.stringify({ ...corpus[i % corpus.length], id: i })}\n`;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return path;
}

function measure(kind: string, file: string, np = 1, ops: unknown[] = []): { seconds: number; maxRssMB: number } {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', join(here, 'child.ts'), kind, file, String(np), JSON.stringify(ops)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(output.trim().split('\n').pop()!);
}

const big = await generate('big.jsonl', MB);
const half = await generate('half.jsonl', MB / 2);
const cpu = await generate('cpu.jsonl', Math.max(10, MB / 20));
const sizeMB = (p: string): number => Math.round(statSync(p).size / 1048576);

const rawBig = measure('raw', big);
const engineBig = measure('engine', big);
const engineHalf = measure('engine', half);
const cpuOps = [{ uppercase_test_mapper: { rounds: 300 } }];
const np1 = measure('engine', cpu, 1, cpuOps);
const np2 = measure('engine', cpu, 2, cpuOps);

// 1M short samples for the analyzer.
const analyzerInput = await (async () => {
  const path = join(dir, 'analyzer.jsonl');
  const out = createWriteStream(path);
  const sentences = corpus.flatMap((r) => String(r.text).split(/(?<=[.!?])\s+/)).filter(Boolean);
  for (let i = 0; i < 1_000_000; i += 1000) {
    let chunk = '';
    for (let k = i; k < i + 1000; k++) chunk += `${JSON.stringify({ text: sentences[k % sentences.length] })}\n`;
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return path;
})();
const analyzer = measure('analyze', analyzerInput, 1, [{ text_len_test_filter: { min: 10 } }]);

console.log(
  JSON.stringify(
    {
      input: {
        bigMB: sizeMB(big),
        halfMB: sizeMB(half),
        cpuMB: sizeMB(cpu),
        cores: (await import('node:os')).availableParallelism(),
      },
      rawCeiling: { seconds: rawBig.seconds, MBps: sizeMB(big) / rawBig.seconds },
      engineNoOps: {
        seconds: engineBig.seconds,
        MBps: sizeMB(big) / engineBig.seconds,
        ratioToCeiling: rawBig.seconds / engineBig.seconds,
        target: 0.7,
      },
      peakRssMB: { [`${sizeMB(half)}MB`]: engineHalf.maxRssMB, [`${sizeMB(big)}MB`]: engineBig.maxRssMB, target: 512 },
      cpuBoundOp: { np1Seconds: np1.seconds, np2Seconds: np2.seconds, speedup: np1.seconds / np2.seconds, target: 1.7 },
      analyzer1M: { seconds: analyzer.seconds, peakRssMB: analyzer.maxRssMB },
    },
    null,
    2,
  ),
);
