import { join, resolve } from 'node:path';
import { type ComponentEnv, defineComponent, jobError } from '@dj-sandbox/core';
import { type LmTrainConfig, lmTrainConfig } from '../config/lm-config.ts';
import { parseConfig } from '../config/parse-config.ts';
import { saveLm } from '../lm/lm-checkpoint.ts';
import { trainLm } from '../lm/train-lm.ts';
import { componentCwd, existingPaths, readAllRows, textsOf } from './component-io.ts';
import { trainReporter } from './train-tracking.ts';

/** Where a training run writes its checkpoint when `work_dir` is not set: `<sandbox work_dir>/<job>/iter_<n>`. */
export function defaultModelDir(env: ComponentEnv, type: string): string {
  return join(env.workDir, 'models', env.scope.metaName ?? type, `iter_${env.scope.iteration}`);
}

/** Reads the texts of a list of dataset paths (config key `key`). */
export async function loadTexts(paths: readonly string[], key: string, textKey: string, cwd: string, type: string) {
  const texts: string[] = [];
  for (const file of existingPaths(paths, cwd, key, type)) {
    for (const t of textsOf(await readAllRows([file]), textKey, type, file)) texts.push(t);
  }
  return texts;
}

async function runLmTraining(config: LmTrainConfig, env: ComponentEnv): Promise<string> {
  const cwd = componentCwd(env);
  const given = config.work_dir ?? defaultModelDir(env, 'proxy_lm');
  const dir = resolve(cwd, given);
  const trainTexts = await loadTexts(config.train_dataset, 'train_dataset', config.text_key, cwd, 'proxy_lm');
  if (trainTexts.length === 0) {
    throw jobError('proxy-model-empty', 'proxy_lm: the training dataset has no rows.', {
      path: 'extra_configs.train_dataset',
      received: config.train_dataset,
      fix: 'Point train_dataset at a non-empty JSONL file.',
    });
  }
  const evalTexts = config.eval_dataset
    ? await loadTexts(config.eval_dataset, 'eval_dataset', config.text_key, cwd, 'proxy_lm')
    : null;
  const report = trainReporter(env, 'proxy_lm', 'tokens_per_sec');
  env.logger.info(`proxy_lm: training on ${trainTexts.length} documents`, { work_dir: dir });
  const trained = await trainLm(trainTexts, evalTexts, config, {
    signal: env.signal,
    onStart: (info) => {
      report.start(info.totalSteps);
      env.logger.info(`proxy_lm: ${info.trainTokens} training tokens, vocabulary ${info.vocabSize}`, info);
    },
    onStep: () => report.step(),
    onLog: (p) => report.log(p),
  });
  await saveLm(dir, trained, { textKey: config.text_key, seed: config.seed, trainConfig: config });
  const last = trained.loop.curve.at(-1);
  await report.finish(dir, {
    train_loss: last?.loss ?? null,
    eval_loss: trained.eval?.loss ?? null,
    eval_perplexity: trained.eval?.perplexity ?? null,
    unigram_perplexity: trained.eval?.unigramPerplexity ?? null,
    tokens_per_sec: trained.loop.seconds > 0 ? trained.loop.items / trained.loop.seconds : null,
    train_tokens: trained.trainTokens,
    steps: trained.loop.steps,
    seconds: trained.loop.seconds,
  });
  if (trained.loop.stopped) {
    throw jobError('proxy-model-aborted', `proxy_lm: training stopped at step ${trained.loop.steps} (aborted).`, {
      fix: `A checkpoint of the weights so far is in ${dir}.`,
    });
  }
  return given;
}

/**
 * `ModelTrainExecutor` type `proxy_lm`: trains a small causal language model from scratch on CPU and resolves to
 * its checkpoint folder (`work_dir` as given, like the reference's ModelScope trainer).
 */
export const proxyLmTrainer = defineComponent({
  kind: 'ModelTrainExecutor',
  type: 'proxy_lm',
  description: 'Trains a neural n-gram language model with a learned byte-level BPE on CPU, in-process.',
  create(raw, env) {
    const config = parseConfig(lmTrainConfig, raw, { type: 'proxy_lm' });
    return { run: () => runLmTraining(config, env) };
  },
});
