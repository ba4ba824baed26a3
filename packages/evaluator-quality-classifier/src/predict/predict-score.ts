import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonRows as readRows } from '@dj-sandbox/core';
import { MT19937 } from '@dj-sandbox/numpy-random';
import { type QualityModel, scoreText } from '../model/quality-model.ts';
import { type Describe, describe, describeCsv, describeMarkdown } from './describe.ts';

/** How `should_keep` is decided from `doc_score`. */
export type KeepMethod = 'gpt3' | 'label';

/** Options of {@link predictScore} (Data-Juicer's `predict_score`). */
export interface PredictOptions {
  datasetPath: string;
  /** A directory: `part-00000.json` (JSON Lines), `_SUCCESS`, and with `overallStats` `overall.csv` / `.md`. */
  resultPath: string;
  model: QualityModel;
  /** `gpt3` (default): keep when `doc_score > 1 - pareto(9)`; `label`: keep when `doc_score > 0.5`. */
  keepMethod?: KeepMethod;
  /** Field holding the text; it is renamed to `text` in the result, as Data-Juicer does. */
  textKey?: string;
  overallStats?: boolean;
  /**
   * Seed of the `gpt3` keep draws: MT19937 seeded like `numpy.random.seed(seed)`, one `pareto(9)` draw per row in
   * dataset order. The reference draws unseeded per row, so its keeps are not reproducible. Default 42.
   */
  seed?: number;
  signal?: AbortSignal;
}

/** What {@link predictScore} returns. */
export interface PredictResult {
  samples: number;
  kept: number;
  overall: Describe;
  partPath: string;
}

/**
 * Scores every row of a dataset with the quality classifier and writes the rows with `doc_score` and `should_keep`
 * (0/1) to the result directory, streaming; returns the overall stats of `doc_score`.
 */
export async function predictScore(options: PredictOptions): Promise<PredictResult> {
  const textKey = options.textKey ?? 'text';
  const keepMethod = options.keepMethod ?? 'gpt3';
  const rng = new MT19937(options.seed ?? 42);
  await mkdir(options.resultPath, { recursive: true });
  const partPath = join(options.resultPath, 'part-00000.json');
  const out = createWriteStream(partPath, 'utf8');
  const scores: number[] = [];
  let kept = 0;
  try {
    for await (const row of readRows(options.datasetPath)) {
      options.signal?.throwIfAborted();
      const text = row[textKey];
      const score = scoreText(options.model, typeof text === 'string' ? text : '');
      const keep = keepMethod === 'label' ? score > 0.5 : score > 1 - rng.pareto(9);
      kept += keep ? 1 : 0;
      scores.push(score);
      const { [textKey]: _text, ...rest } = row;
      const line = `${JSON.stringify({ ...rest, text, doc_score: score, should_keep: keep ? 1 : 0 })}\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  await writeFile(join(options.resultPath, '_SUCCESS'), '');
  const overall = describe(Float64Array.from(scores));
  if (options.overallStats) {
    await writeFile(join(options.resultPath, 'overall.csv'), describeCsv(overall));
    await writeFile(join(options.resultPath, 'overall.md'), describeMarkdown(overall));
  }
  return { samples: scores.length, kept, overall, partPath };
}
