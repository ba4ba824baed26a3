import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl, runRecipe } from '../test-helpers/run-recipe.ts';
import { FIXTURES } from '../test-helpers/test-env.ts';

const C4 = join(FIXTURES, 'data_mixture-redpajama-c4-refined.jsonl');
const DEMO = join(FIXTURES, 'data-demo-dataset.jsonl');
const c4 = readJsonl(C4);
const demo = readJsonl(DEMO);

describe('weighted sampling (random_sample with seed 42)', () => {
  it('takes ceil(N·w) rows of a weighted dataset_path in the order of default_rng(42).permutation(N)', async () => {
    const { result } = await runRecipe({ dataset_path: `0.45 ${C4}` });
    // permutation(10) = [5, 6, 0, 7, 3, ...]; ceil(10 · 0.45) = 5
    expect(readJsonl(result.exportPath)).toEqual([5, 6, 0, 7, 3].map((i) => c4[i]));
  });

  it('oversamples by repeating the permutation when the weight is above 1', async () => {
    const { result } = await runRecipe({ dataset_path: `1.5 ${DEMO}` });
    // permutation(6) = [3, 2, 5, 4, 1, 0]; ceil(6 · 1.5) = 9
    expect(readJsonl(result.exportPath).map((r) => r.text)).toEqual(
      [3, 2, 5, 4, 1, 0, 3, 2, 5].map((i) => demo[i]!.text),
    );
  });

  it('keeps a weight-1 dataset in file order and concatenates datasets in order', async () => {
    const { result } = await runRecipe({ dataset_path: `${DEMO} 0.2 ${C4}` });
    expect(readJsonl(result.exportPath).map((r) => r.text)).toEqual([...demo, c4[5], c4[6]].map((r) => r!.text));
  });

  it('mixes a dataset block to exactly max_sample_num rows', async () => {
    const { result } = await runRecipe({
      dataset: {
        max_sample_num: 8,
        configs: [
          { type: 'local', path: DEMO, weight: 1 },
          { type: 'local', path: C4, weight: 1 },
        ],
      },
    });
    // 4 of demo (permutation(6) prefix), 4 of c4 (permutation(10) prefix)
    expect(readJsonl(result.exportPath).map((r) => r.text)).toEqual(
      [...[3, 2, 5, 4].map((i) => demo[i]), ...[5, 6, 0, 7].map((i) => c4[i])].map((r) => r!.text),
    );
    expect(result.samplesIn).toBe(8);
  });
});
