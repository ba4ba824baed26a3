import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ComponentEnv, type ConfigTree, defineComponent, jobError, runInfoRef } from '@dj-sandbox/core';
import { loadDefaultModel } from './model/default-model.ts';
import { loadModel } from './model/model-io.ts';
import type { QualityModel } from './model/quality-model.ts';
import { type KeepMethod, predictScore } from './predict/predict-score.ts';

const DJ_MODEL_NAMES = ['gpt3', 'chinese', 'code'];

function problem(env: ComponentEnv, code: string, summary: string, data: Record<string, unknown>, cause?: unknown) {
  return jobError(
    code,
    summary,
    {
      plugin: 'evaluator-quality-classifier',
      job: env.scope.metaName ?? undefined,
      pipeline: env.scope.pipeline,
      ...data,
    },
    cause,
  );
}

async function resolveModel(name: unknown, cwd: string, env: ComponentEnv): Promise<QualityModel> {
  if (name === undefined || name === null || name === 'default') return loadDefaultModel();
  if (typeof name === 'string' && DJ_MODEL_NAMES.includes(name)) {
    throw problem(
      env,
      'quality-model-unavailable',
      `Data-Juicer's "${name}" model is a Spark model this package cannot load yet.`,
      {
        path: 'extra_configs.model',
        expected: 'default, or the directory of a model trained with trainQualityClassifier',
        received: name,
        fix: 'Leave model unset to use the shipped default model, or train one: dj-sandbox quality train --pos … --neg ….',
      },
    );
  }
  const dir = resolve(cwd, String(name));
  try {
    return await loadModel(dir);
  } catch (error) {
    throw problem(
      env,
      'quality-model-load',
      `cannot load the quality model at ${dir}.`,
      {
        path: 'extra_configs.model',
        expected: 'a directory with model.json and weights.f32',
        received: name,
        fix: 'Point model at a directory written by trainQualityClassifier, or leave it unset for the default model.',
      },
      error,
    );
  }
}

/**
 * `DataEvaluator` type `dj_text_quality_classifier` (the reference's Gpt3QualityEvaluator,
 * docs/evaluators.md#dj_text_quality_classifier): scores `dataset_path` with the GPT-3-style quality classifier,
 * writing the scored rows to `<dataset_path>.tmp_res.jsonl/` (removed first, and deleted afterwards as the reference
 * does, unless `result_path` is set), and returns the mean `doc_score` as a number.
 */
export const qualityClassifierEvaluator = defineComponent<ConfigTree>({
  kind: 'DataEvaluator',
  type: 'dj_text_quality_classifier',
  description: 'Mean GPT-3-style quality score of a text dataset (Spark Tokenizer, HashingTF, logistic regression).',
  create(config, env) {
    const cwd = env.resolve(runInfoRef).cwd;
    if (typeof config.dataset_path !== 'string' || config.dataset_path === '') {
      throw problem(env, 'evaluator-config', 'dj_text_quality_classifier needs dataset_path.', {
        path: 'extra_configs.dataset_path',
        expected: 'the path of a JSON Lines or JSON dataset with a text field',
        received: config.dataset_path,
        fix: 'Add dataset_path, e.g. the export_path of the ProcessDataHook job (input: {extra_configs.dataset_path: -1.<output>}).',
      });
    }
    const keepMethod = (config.keep_method ?? 'gpt3') as KeepMethod;
    if (keepMethod !== 'gpt3' && keepMethod !== 'label') {
      throw problem(env, 'evaluator-config', 'unknown keep_method.', {
        path: 'extra_configs.keep_method',
        expected: 'gpt3 or label',
        received: config.keep_method,
        fix: 'Use gpt3 (Pareto sampling, the default) or label (doc_score > 0.5).',
      });
    }
    const datasetPath = resolve(cwd, config.dataset_path);
    const keepResult = typeof config.result_path === 'string' && config.result_path !== '';
    const resultPath = keepResult ? resolve(cwd, String(config.result_path)) : `${datasetPath}.tmp_res.jsonl`;
    return {
      async run(evalType: unknown = 'data') {
        if (evalType !== 'data') {
          throw problem(
            env,
            'evaluation-type-unsupported',
            `Unsupported evaluation type: ${JSON.stringify(evalType)}.`,
            {
              expected: '"data" (use EvaluateDataHook)',
              received: evalType,
              fix: 'Run dj_text_quality_classifier from EvaluateDataHook.',
            },
          );
        }
        const model = await resolveModel(config.model, cwd, env);
        await rm(resultPath, { recursive: true, force: true });
        try {
          const result = await predictScore({
            datasetPath,
            resultPath,
            model,
            keepMethod,
            textKey: String(config.text_key ?? 'text'),
            overallStats: true,
            seed: Number(config.seed ?? 42),
            signal: env.signal,
          });
          if (result.samples === 0) {
            throw problem(env, 'evaluator-no-rows', `${config.dataset_path} has no rows to score.`, {
              path: 'extra_configs.dataset_path',
              expected: 'a dataset with at least one row',
              received: 0,
              fix: 'Check that the processing job did not filter every sample out.',
            });
          }
          env.logger.info(
            `Quality scores of ${result.samples} samples: mean ${result.overall.mean.toFixed(4)}, ${result.kept} kept (${keepMethod}).`,
          );
          return result.overall.mean;
        } finally {
          if (!keepResult) await rm(resultPath, { recursive: true, force: true });
        }
      },
    };
  },
});
