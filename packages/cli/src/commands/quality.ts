import { pathToFileURL } from 'node:url';
import { pluginError } from '@dj-sandbox/core';
import pc from 'picocolors';
import { EXIT } from '../output/render-error.ts';
import { resolutionBases, resolvePlugin } from '../plugins/load-plugins.ts';

const PACKAGE = '@dj-sandbox/evaluator-quality-classifier';

/** Options of `dj-sandbox quality train` (Data-Juicer's `tools/quality_classifier/train.py`). */
export interface QualityTrainOptions {
  pos: string[];
  neg: string[];
  output: string;
  textKey?: string;
  numTrainingSamples?: string;
  trainTestSplitRatio?: string;
  seed?: string;
}

interface TrainApi {
  trainQualityClassifier(options: Record<string, unknown>): Promise<{
    modelPath: string;
    trainSize: number;
    testSize: number;
    metrics: { test?: { precision: number; recall: number; f1: number; accuracy: number } };
  }>;
}

/** `dj-sandbox quality train --pos a.jsonl --neg b.jsonl -o model_dir`: trains a quality classifier model. */
export async function qualityTrainCommand(options: QualityTrainOptions, cwd: string = process.cwd()): Promise<number> {
  const url = resolvePlugin(PACKAGE, [
    ...resolutionBases(undefined, cwd),
    pathToFileURL(`${import.meta.dirname}/`).href,
  ]);
  if (!url) {
    throw pluginError('quality-missing', 'the quality classifier is not installed.', {
      expected: PACKAGE,
      fix: `npm i ${PACKAGE}`,
    });
  }
  const api = (await import(url)) as TrainApi;
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const result = await api.trainQualityClassifier({
    pos: options.pos,
    neg: options.neg,
    outputModelPath: options.output,
    cwd,
    ...(options.textKey ? { textKey: options.textKey } : {}),
    ...(options.numTrainingSamples ? { numTrainingSamples: num(options.numTrainingSamples) } : {}),
    ...(options.trainTestSplitRatio ? { trainTestSplitRatio: num(options.trainTestSplitRatio) } : {}),
    ...(options.seed ? { seed: num(options.seed) } : {}),
  });
  const test = result.metrics.test;
  process.stderr.write(
    `${pc.green('✔')} model written to ${result.modelPath} (${result.trainSize} train / ${result.testSize} test texts)\n`,
  );
  if (test) {
    process.stderr.write(
      `  held-out precision ${test.precision.toFixed(4)}, recall ${test.recall.toFixed(4)}, F1 ${test.f1.toFixed(4)}, accuracy ${test.accuracy.toFixed(4)}\n`,
    );
  }
  return EXIT.ok;
}
