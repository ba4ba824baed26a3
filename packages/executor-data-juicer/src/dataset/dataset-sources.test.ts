import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../test-helpers/test-env.ts';
import { datasetSources, mixtureCounts, parseDatasetPath } from './dataset-sources.ts';
import { shellSplit } from './shell-split.ts';

describe('dataset specifications', () => {
  it('parses weights in dataset_path as the weight of the next path', () => {
    expect(parseDatasetPath('0.5 a.jsonl b_dir 2 c.jsonl')).toEqual([
      { path: 'a.jsonl', weight: 0.5 },
      { path: 'b_dir', weight: 1 },
      { path: 'c.jsonl', weight: 2 },
    ]);
    expect(parseDatasetPath('-1 a.jsonl')).toEqual([{ path: 'a.jsonl', weight: 0 }]);
  });

  it('shell-splits quoted paths with spaces', () => {
    expect(shellSplit(`0.3 "my data/a.jsonl" 'b c.jsonl' d\\ e.jsonl`)).toEqual([
      '0.3',
      'my data/a.jsonl',
      'b c.jsonl',
      'd e.jsonl',
    ]);
  });

  it('mixes with max_sample_num: normalised weights, ceil, cumulative cap', () => {
    expect(mixtureCounts([1, 1, 1], 10)).toEqual([4, 4, 2]);
    expect(mixtureCounts([0.5, 0.25], 7)).toEqual([5, 2]);
    expect(mixtureCounts([3, 1], 8).reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('resolves dataset_path entries against the working directory and rejects missing ones', () => {
    const sources = datasetSources({ dataset_path: `0.5 data-demo-dataset.jsonl` }, FIXTURES);
    expect(sources).toEqual([
      { path: join(FIXTURES, 'data-demo-dataset.jsonl'), weight: 0.5, configPath: 'dataset_path' },
    ]);
    expect(() => datasetSources({ dataset_path: 'nope.jsonl' }, FIXTURES)).toThrow(
      /dataset_path: the dataset path does not exist/,
    );
  });

  it('reads a dataset block with max_sample_num into exact per-source counts', () => {
    const sources = datasetSources(
      {
        dataset: {
          max_sample_num: 9,
          configs: [
            { type: 'local', path: 'data-demo-dataset.jsonl', weight: 2 },
            { type: 'local', path: 'data_mixture-redpajama-c4-refined.jsonl', weight: 1 },
          ],
        },
      },
      FIXTURES,
    );
    expect(sources.map((s) => s.sampleNum)).toEqual([6, 3]);
    expect(() =>
      datasetSources({ dataset: { configs: [{ type: 'remote', source: 'huggingface' }] } }, FIXTURES),
    ).toThrow(/dataset.configs\[0\]: only local datasets/);
  });
});
