import { fileURLToPath } from 'node:url';
import { jobError, type PythonEnv } from '@dj-sandbox/core';
import type { CaptionPair, CorpusScore } from './caption-pair.ts';

/** The requirement the METEOR environment installs: pycocoevalcap ships the METEOR 1.5 jar and its paraphrases. */
export const PYCOCOEVALCAP_REQUIREMENT = 'pycocoevalcap==1.2';

const MARKER = 'DJ_SANDBOX_METEOR ';
const SCRIPT = new URL('../../python/meteor_score.py', import.meta.url);

/**
 * METEOR 1.5 as pycocoevalcap computes it: its Python wrapper and jar (`-l en -norm`) run with Java inside a
 * Python environment that has `pycocoevalcap` installed. METEOR's stemmer, WordNet synonyms and paraphrase table
 * are not reimplemented here (docs/caption-metrics.md says why). The corpus score is the jar's aggregate, not the
 * mean of the per-image scores.
 */
export async function meteor(
  pairs: readonly CaptionPair[],
  env: PythonEnv,
  options: { signal?: AbortSignal; component?: string } = {},
): Promise<CorpusScore> {
  let result: string | undefined;
  await env.run([env.python, fileURLToPath(SCRIPT)], {
    input: JSON.stringify({ pairs }),
    signal: options.signal,
    component: options.component,
    onLine: (line, stream) => {
      if (stream === 'stdout' && line.startsWith(MARKER)) result = line.slice(MARKER.length);
    },
  });
  if (result === undefined) {
    throw jobError('meteor-no-result', 'METEOR printed no result line.', {
      plugin: 'evaluator-caption',
      expected: `a line starting with ${MARKER.trim()} from python/meteor_score.py`,
      fix: 'Check that Java (17 or later) is on PATH and that pycocoevalcap installed in the METEOR environment.',
    });
  }
  const parsed = JSON.parse(result) as { score: number; per_image: number[] };
  return { score: parsed.score, perImage: parsed.per_image };
}
