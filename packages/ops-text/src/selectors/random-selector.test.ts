import { describe, expect, it } from 'vitest';
import { runSelector } from '../test-helpers/run-selector.ts';
import { randomSampleIndices, randomSelector } from './random-selector.ts';

const ten = Array.from({ length: 10 }, (_, i) => i);

describe('random_selector', () => {
  it("draws the first n of numpy's seed-42 permutation", async () => {
    // default_rng(42).permutation(10) = [5, 6, 0, 7, 3, 2, 4, 9, 1, 8]
    expect(await runSelector(randomSelector, ten, { select_num: 4 })).toEqual([5, 6, 0, 7]);
    expect(await runSelector(randomSelector, ten, { select_ratio: 0.35 })).toEqual([5, 6, 0]);
    expect(await runSelector(randomSelector, ten, { select_ratio: 0.5, select_num: 2 })).toEqual([5, 6]);
  });

  it('returns the whole dataset when n rounds to 0 or equals N (Data-Juicer quirk)', async () => {
    expect(await runSelector(randomSelector, ten, { select_ratio: 0.05 })).toEqual(ten);
    expect(await runSelector(randomSelector, ten, { select_num: 10 })).toEqual(ten);
    expect(await runSelector(randomSelector, ten)).toEqual(ten);
  });

  it('repeats the permutation when more samples than rows are asked', () => {
    expect(randomSampleIndices(6, 8)).toEqual([3, 2, 5, 4, 1, 0, 3, 2]);
  });

  it('draws more than 125k rows without spreading a large array (the seed video pools hold 147k-228k rows)', () => {
    const drawn = randomSampleIndices(300_000, 200_000);
    expect(drawn).toHaveLength(200_000);
    expect(new Set(drawn).size).toBe(200_000);
    expect(randomSampleIndices(150_000, 310_000)).toHaveLength(310_000);
  });
});
