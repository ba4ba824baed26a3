/**
 * Captions per second of each metric, ours against pycocoevalcap 1.2 on the same captions, printed as JSON.
 * The corpus repeats the fixture captions (each image's references with another image's candidate mixed in) up to
 * BENCH_IMAGES images (default 3000). METEOR runs the same jar on both sides, so it is reported once per side.
 * Usage: pnpm --filter @dj-sandbox/evaluator-caption bench
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCaptionPairs } from '../src/evaluator/read-captions.ts';
import { bleu } from '../src/metrics/bleu.ts';
import { cider } from '../src/metrics/cider.ts';
import { meteor } from '../src/metrics/meteor.ts';
import { rouge } from '../src/metrics/rouge.ts';
import {
  pycocoevalcapEnv,
  pycocoevalcapMissing,
  pycocoevalcapReference,
} from '../src/test-helpers/pycocoevalcap-env.ts';

const images = Number(process.env.BENCH_IMAGES ?? 3000);
const rows = readFileSync(new URL('../src/__fixtures__/captions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { caption: string; references: string[] });
const dir = mkdtempSync(join(tmpdir(), 'caption-bench-'));
const file = join(dir, 'bench.jsonl');
writeFileSync(
  file,
  Array.from({ length: images }, (_, i) => {
    const row = rows[i % rows.length]!;
    const other = rows[(i * 7 + 3) % rows.length]!;
    return JSON.stringify({ caption: i % 3 === 0 ? other.caption : row.caption, references: row.references });
  }).join('\n'),
);

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

const start = performance.now();
const { pairs } = await readCaptionPairs(file, 'caption', 'references');
const tokenizeSeconds = (performance.now() - start) / 1000;
const ours: Record<string, number> = {
  tokenize: tokenizeSeconds,
  Bleu: timed(() => bleu(pairs)).seconds,
  ROUGE_L: timed(() => rouge(pairs)).seconds,
  CIDEr: timed(() => cider(pairs)).seconds,
};
let theirs: Record<string, number> | null = null;
const missing = await pycocoevalcapMissing();
if (!missing) {
  const meteorStart = performance.now();
  await meteor(pairs, await pycocoevalcapEnv());
  ours.METEOR = (performance.now() - meteorStart) / 1000;
  theirs = (
    await pycocoevalcapReference<{ seconds: Record<string, number> }>(['scores', file, 'caption', 'references'], dir)
  ).seconds;
}
const rate = (seconds: number | undefined) => (seconds === undefined ? null : Math.round(images / seconds));
console.log(
  JSON.stringify(
    {
      images,
      references_per_image: 5,
      captions_per_second: Object.fromEntries(
        ['tokenize', 'Bleu', 'METEOR', 'ROUGE_L', 'CIDEr'].map((m) => [
          m,
          { ours: rate(ours[m]), pycocoevalcap: theirs ? rate(theirs[m]) : null },
        ]),
      ),
      note: missing ?? 'METEOR runs the METEOR 1.5 jar on both sides (through the Python bridge here).',
    },
    null,
    2,
  ),
);
