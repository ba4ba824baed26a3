import { resolve } from 'node:path';
import { type ComponentEnv, configError, defineComponent, jobError } from '@dj-sandbox/core';
import { loadClassifier, saveClassifier } from '../classifier/classifier-checkpoint.ts';
import { textFeatures } from '../classifier/features.ts';
import { argmax, trainClassifier } from '../classifier/train-classifier.ts';
import { type ClassifierTrainConfig, classifierTrainConfig } from '../config/classifier-config.ts';
import { type InferConfig, inferConfig } from '../config/infer-config.ts';
import { parseConfig } from '../config/parse-config.ts';
import { getField, type Row } from '../util/jsonl.ts';
import { checkpointDir } from './checkpoint-path.ts';
import { componentCwd, existingPaths, readAllRows, textsOf } from './component-io.ts';
import { defaultModelDir } from './lm-train-component.ts';
import { trainReporter } from './train-tracking.ts';
import { writeInference } from './write-inference.ts';

async function labelledSamples(paths: readonly string[], key: string, config: ClassifierTrainConfig, cwd: string) {
  const out: Array<{ text: string; label: unknown }> = [];
  for (const file of existingPaths(paths, cwd, key, 'proxy_classifier')) {
    const rows = await readAllRows([file]);
    const texts = textsOf(rows, config.text_key, 'proxy_classifier', file);
    rows.forEach((row, i) => {
      const label = getField(row, config.label_key);
      if (label === undefined || label === null || typeof label === 'object') {
        throw configError('proxy-model-label-key', `proxy_classifier: row ${i + 1} of ${file} has no label.`, {
          path: 'extra_configs.label_key',
          expected: `a string, number or boolean under ${JSON.stringify(config.label_key)} in every row`,
          received: label,
          fix: `Set label_key to the field that holds the label (the row has ${Object.keys(row)
            .map((k) => JSON.stringify(k))
            .join(', ')}).`,
        });
      }
      out.push({ text: texts[i]!, label });
    });
  }
  return out;
}

async function runClassifierTraining(config: ClassifierTrainConfig, env: ComponentEnv): Promise<string> {
  const cwd = componentCwd(env);
  const given = config.work_dir ?? defaultModelDir(env, 'proxy_classifier');
  const dir = resolve(cwd, given);
  const train = await labelledSamples(config.train_dataset, 'train_dataset', config, cwd);
  if (train.length === 0) {
    throw jobError('proxy-model-empty', 'proxy_classifier: the training dataset has no rows.', {
      path: 'extra_configs.train_dataset',
      received: config.train_dataset,
      fix: 'Point train_dataset at a non-empty labelled JSONL file.',
    });
  }
  const evaluation = config.eval_dataset
    ? await labelledSamples(config.eval_dataset, 'eval_dataset', config, cwd)
    : null;
  const report = trainReporter(env, 'proxy_classifier', 'samples_per_sec');
  const trained = await trainClassifier(train, evaluation, config, {
    signal: env.signal,
    onStart: (info) => {
      report.start(info.totalSteps);
      env.logger.info(`proxy_classifier: ${info.samples} samples, ${info.labels} labels`, info);
    },
    onStep: () => report.step(),
    onLog: (p) => report.log(p),
  });
  await saveClassifier(dir, trained, {
    textKey: config.text_key,
    labelKey: config.label_key,
    seed: config.seed,
    trainConfig: config,
  });
  await report.finish(dir, {
    train_loss: trained.loop.curve.at(-1)?.loss ?? null,
    eval_accuracy: trained.eval?.accuracy ?? null,
    majority_accuracy: trained.eval?.majorityAccuracy ?? null,
    samples_per_sec: trained.loop.seconds > 0 ? trained.loop.items / trained.loop.seconds : null,
    train_samples: train.length,
    steps: trained.loop.steps,
    seconds: trained.loop.seconds,
  });
  if (trained.loop.stopped) {
    throw jobError(
      'proxy-model-aborted',
      `proxy_classifier: training stopped at step ${trained.loop.steps} (aborted).`,
      {
        fix: `A checkpoint of the weights so far is in ${dir}.`,
      },
    );
  }
  return given;
}

/** `ModelTrainExecutor` type `proxy_classifier`: trains a fastText-style classifier; resolves to its checkpoint folder. */
export const proxyClassifierTrainer = defineComponent({
  kind: 'ModelTrainExecutor',
  type: 'proxy_classifier',
  description: 'Trains a fastText-style text classifier (hashed word and character n-grams) on CPU, in-process.',
  create(raw, env) {
    const config = parseConfig(classifierTrainConfig, raw, { type: 'proxy_classifier' });
    return { run: () => runClassifierTraining(config, env) };
  },
});

/**
 * `ModelInferExecutor` type `proxy_classifier`: writes every row of `dataset_path` with `predicted_label` (the label
 * value as it was in training) and `probability` (of that label) to `export_path`.
 */
export const proxyClassifierInfer = defineComponent({
  kind: 'ModelInferExecutor',
  type: 'proxy_classifier',
  description: 'Predicted label and probability of a proxy_classifier checkpoint, written as JSONL.',
  create(raw, env) {
    const config: InferConfig = parseConfig(inferConfig, raw, { type: 'proxy_classifier' });
    return {
      async run() {
        const cwd = componentCwd(env);
        const {
          model,
          labels,
          config: ckpt,
        } = await loadClassifier(checkpointDir(config.model_path, cwd, 'model_path', 'proxy_classifier'));
        const textKey = config.text_key ?? ckpt.text_key;
        const inputs: Array<{ path: string; rows: Row[] }> = [];
        for (const [i, file] of existingPaths(config.dataset_path, cwd, 'dataset_path', 'proxy_classifier').entries()) {
          const rows = await readAllRows([file]);
          const texts = textsOf(rows, textKey, 'proxy_classifier', file);
          const scored = rows.map((row, r) => {
            const p = model.predict(textFeatures(texts[r]!, ckpt.features));
            const best = argmax(p);
            return { ...row, predicted_label: labels.values[best], probability: p[best]! };
          });
          inputs.push({ path: config.dataset_path[i]!, rows: scored });
        }
        return writeInference(inputs, config.export_path, cwd);
      },
    };
  },
});
