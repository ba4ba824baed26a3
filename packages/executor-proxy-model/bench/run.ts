/**
 * Benchmark of `proxy_lm` on real text: trains on 20,000 documents (Moby-Dick paragraphs and Spam Assassin mail
 * paragraphs, from npm) through the ModelTrainExecutor component and prints ONE JSON object: throughput, the loss
 * curve, and the held-out perplexity next to the add-one unigram baseline with the same tokenizer.
 * `pnpm bench` (set BENCH_STEPS to shorten a trial run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { perplexityEvaluator } from '../src/components/lm-scoring-components.ts';
import { proxyLmTrainer } from '../src/components/lm-train-component.ts';
import { testEnv } from '../src/test-helpers/test-env.ts';
import { mailParagraphs, mobyDickParagraphs, spamAssassinMails } from './corpus.ts';

const DOCS = 20_000;
const began = performance.now();
const moby = mobyDickParagraphs(1, 125);
const mails = mailParagraphs(spamAssassinMails());
const heldMails = mails.filter((_, i) => i % 50 === 0).slice(0, 300);
const trainMails = mails.filter((_, i) => i % 50 !== 0).slice(0, DOCS - moby.length);
const train = [...moby, ...trainMails];
const heldMoby = mobyDickParagraphs(126, 135);

const env = testEnv({ metaName: 'bench' });
const file = (name: string, texts: string[]) => {
  const path = join(env.workDir, name);
  writeFileSync(path, texts.map((text) => JSON.stringify({ text })).join('\n'));
  return path;
};
const trainPath = file('train.jsonl', train);
const heldPath = file('heldout.jsonl', [...heldMoby, ...heldMails]);
const heldMobyPath = file('heldout-moby.jsonl', heldMoby);
const heldMailPath = file('heldout-mail.jsonl', heldMails);

const config = {
  type: 'proxy_lm',
  train_dataset: trainPath,
  eval_dataset: heldPath,
  work_dir: join(env.workDir, 'ckpt'),
  seed: 42,
  train: {
    max_steps: Number(process.env.BENCH_STEPS ?? 4000),
    log_interval: 250,
    dataloader: { batch_size: 64 },
    optimizer: { lr: 0.005 },
  },
  model: { vocab_size: 1024, context: 4, embed_dim: 48, hidden_dim: 128 },
};
const trainer = await proxyLmTrainer.create(config, env);
const ckpt = (await trainer.run()) as string;
const evaluate = async (path: string) =>
  (await (await perplexityEvaluator.create({ model_path: ckpt, dataset_path: path }, env)).run({})) as {
    perplexity: number;
  };
const q = (k: string) => env.tracker.query(`bench.${k}`) as number;
const curve = env.tracker
  .history()
  .filter((m) => m.key === 'bench.loss')
  .map((m) => ({ step: m.step, loss: Number((m.value as number).toFixed(4)) }));
const result = {
  benchmark: 'proxy_lm on 20k real documents',
  train_documents: train.length,
  train_chars: train.reduce((n, t) => n + t.length, 0),
  heldout_documents: heldMoby.length + heldMails.length,
  model: config.model,
  batch_size: config.train.dataloader.batch_size,
  steps: q('steps'),
  train_tokens_in_corpus: q('train_tokens'),
  tokens_trained: q('steps') * config.train.dataloader.batch_size,
  tokens_per_sec: Math.round(q('tokens_per_sec')),
  train_seconds: Number(q('seconds').toFixed(1)),
  total_seconds: Number(((performance.now() - began) / 1000).toFixed(1)),
  loss_curve: curve,
  heldout_perplexity: Number(q('eval_perplexity').toFixed(2)),
  unigram_perplexity: Number(q('unigram_perplexity').toFixed(2)),
  heldout_moby_dick_perplexity: Number((await evaluate(heldMobyPath)).perplexity.toFixed(2)),
  heldout_mail_perplexity: Number((await evaluate(heldMailPath)).perplexity.toFixed(2)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
