/**
 * Scoring throughput of the default model (`npx tsx scripts/bench.ts`): featurize + score the held-out sample
 * fixture repeatedly and print JSON (documents and characters per second).
 */
import { readFileSync } from 'node:fs';
import { loadDefaultModel } from '../src/model/default-model.ts';
import { scoreText } from '../src/model/quality-model.ts';

const texts = readFileSync(new URL('../src/__fixtures__/heldout-sample.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const model = await loadDefaultModel();
const rounds = Number(process.env.ROUNDS ?? 50);
let chars = 0;
let sink = 0;
const started = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const text of texts) {
    sink += scoreText(model, text);
    chars += text.length;
  }
}
const seconds = (performance.now() - started) / 1000;
const docs = rounds * texts.length;
process.stdout.write(
  `${JSON.stringify({ docs, seconds, docsPerSecond: docs / seconds, charsPerSecond: chars / seconds, meanScore: sink / docs })}\n`,
);
