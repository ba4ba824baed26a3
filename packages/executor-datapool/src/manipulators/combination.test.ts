import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fixture,
  type PoolTestContext,
  parseLines,
  poolTestContext,
  readPool,
  writeLines,
} from '../test-helpers/pool-test-context.ts';
import { combinationLevels, combinationParams, runCombination } from './combination.ts';

let ctx: PoolTestContext;
beforeEach(async () => {
  ctx = await poolTestContext();
});
afterEach(() => ctx.close());

describe('data_pool_combination', () => {
  it('orders combinations level by level as the reference does', () => {
    expect(combinationLevels(3).map((level) => level.map((l) => l.join('_')))).toEqual([
      ['0', '1', '2'],
      ['0_1', '0_2', '1_2'],
      ['0_1_2'],
    ]);
    expect(combinationLevels(4)[1]!.map((l) => l.join('_'))).toEqual(['0_1', '0_2', '1_2', '0_3', '1_3', '2_3']);
  });

  it('writes each non-empty intersection of real pools once, rows in first-appearance order of the lowest pool', async () => {
    const rows = parseLines(await fixture('data_mixture-redpajama-c4-refined.jsonl'));
    const pools = [rows.slice(0, 7), rows.slice(3), [rows[9]!, rows[5]!, rows[0]!, rows[5]!, rows[8]!]];
    await writeLines(ctx, 'c4-rank0.jsonl', pools[0]!);
    await writeLines(ctx, 'c4-rank1.jsonl', pools[1]!);
    await writeLines(ctx, 'c4-rank2.jsonl', pools[2]!);
    const paths = await runCombination(
      combinationParams.parse({
        dataset_path: ['c4-rank0.jsonl', 'c4-rank1.jsonl', 'c4-rank2.jsonl'],
        export_path: 'out',
      }),
      ctx,
    );
    // the spec's algorithm, literally: sets of identities, intersected level by level
    const key = (r: unknown) => JSON.stringify(r);
    const expected = combinationLevels(3)
      .flat()
      .map((label) => {
        const inAll = (r: unknown) => label.every((i) => pools[i]!.some((s) => key(s) === key(r)));
        const unique = [...new Map(pools[label[0]!]!.map((r) => [key(r), r])).values()];
        return { label: label.join('_'), rows: unique.filter(inAll) };
      })
      .filter((c) => c.rows.length > 0);
    expect(paths).toEqual(expected.map((c) => `out/c4-rank_top_${c.label}_num_${c.rows.length}.jsonl`));
    expect(paths).toEqual([
      'out/c4-rank_top_0_num_7.jsonl',
      'out/c4-rank_top_1_num_7.jsonl',
      'out/c4-rank_top_2_num_4.jsonl',
      'out/c4-rank_top_0_1_num_4.jsonl',
      'out/c4-rank_top_0_2_num_2.jsonl',
      'out/c4-rank_top_1_2_num_3.jsonl',
      'out/c4-rank_top_0_1_2_num_1.jsonl',
    ]);
    for (const [i, c] of expected.entries()) expect(await readPool(ctx, paths[i]!)).toEqual(c.rows);
    expect(ctx.logs.map((l) => l.message)).toContain('After merging rank [2], there are [1] samples in the top level');
  });

  it('uses default_prefix when the pool names share no prefix, and skips empty intersections', async () => {
    const rows = parseLines(await fixture('data-demo-dataset.jsonl'));
    await writeLines(ctx, 'a.jsonl', rows.slice(0, 2));
    await writeLines(ctx, 'b.jsonl', rows.slice(2, 4));
    const paths = await runCombination(
      combinationParams.parse({ dataset_path: ['a.jsonl', 'b.jsonl'], export_path: 'o' }),
      ctx,
    );
    expect(paths).toEqual(['o/default_prefix_top_0_num_2.jsonl', 'o/default_prefix_top_1_num_2.jsonl']);
  });
});
