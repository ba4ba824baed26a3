import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fixture,
  type PoolTestContext,
  parseLines,
  poolTestContext,
  readPool,
  writeLines,
} from '../test-helpers/pool-test-context.ts';
import { cartesianJoinParams, runCartesianJoin } from './cartesian-join.ts';
import { mergingParams, runMerging } from './merging.ts';
import { rankingParams, runRanking } from './ranking.ts';

let ctx: PoolTestContext;
let demo: Array<Record<string, unknown>>;
beforeEach(async () => {
  ctx = await poolTestContext();
  demo = parseLines(await fixture('data-demo-dataset.jsonl'));
});
afterEach(() => ctx.close());

describe('data_pool_merging', () => {
  it('concatenates pools in order into <lcp>_merged.jsonl, unifying columns, and returns one path', async () => {
    const c4 = parseLines(await fixture('data_mixture-redpajama-c4-refined.jsonl')).slice(0, 3);
    await writeLines(ctx, 'mix-a.jsonl', demo.slice(0, 2));
    await writeLines(ctx, 'mix-b.jsonl', c4);
    const path = await runMerging(
      mergingParams.parse({ dataset_path: ['mix-a.jsonl', 'mix-b.jsonl'], export_path: 'out' }),
      ctx,
    );
    expect(path).toBe('out/mix-_merged.jsonl');
    const rows = await readPool(ctx, path);
    expect(rows.map((r) => r.text)).toEqual([...demo.slice(0, 2), ...c4].map((r) => r.text));
    expect(rows[2]).toEqual({ text: c4[0]!.text, meta: null });
    expect(rows[0]!.meta).toEqual({ src: 'Arxiv', date: '2023-04-27', version: '1.0', author: null });
  });

  it('writes to an export_path named .jsonl as a file, not a folder of that name', async () => {
    await writeLines(ctx, 'p1.jsonl', demo.slice(0, 1));
    await writeLines(ctx, 'p2.jsonl', demo.slice(1, 3));
    const path = await runMerging(
      mergingParams.parse({ dataset_path: ['p1.jsonl', 'p2.jsonl'], export_path: 'merged/iter_1/new_prompts.jsonl' }),
      ctx,
    );
    expect(path).toBe('merged/iter_1/new_prompts.jsonl');
    expect(statSync(join(ctx.cwd, path)).isFile()).toBe(true);
    expect(await readPool(ctx, path)).toHaveLength(3);
    expect(existsSync(join(ctx.cwd, `${path}.meta.json`))).toBe(true);
  });
});

describe('data_pool_cartesian_join', () => {
  it('repeats each row of M |N| times and cycles N, for every pair of pools, with the right side winning', async () => {
    await writeLines(ctx, 'prompts_a.jsonl', [
      { q: 'a1', text: 'left' },
      { q: 'a2', text: 'left' },
    ]);
    await writeLines(ctx, 'prompts_b.jsonl', [{ q: 'b1' }]);
    await writeLines(ctx, 'styles_x.jsonl', [
      { style: 's1', text: 'right1' },
      { style: 's2', text: 'right2' },
      { style: 's3', text: 'right3' },
    ]);
    const paths = await runCartesianJoin(
      cartesianJoinParams.parse({
        dataset_path_1: ['prompts_a.jsonl', 'prompts_b.jsonl'],
        dataset_path_2: 'styles_x.jsonl',
        export_path: 'cj',
      }),
      ctx,
    );
    expect(paths).toEqual([
      'cj/prompts__styles_x_cartesian_join_0_0.jsonl',
      'cj/prompts__styles_x_cartesian_join_1_0.jsonl',
    ]);
    expect(await readPool(ctx, paths[0]!)).toEqual(
      ['a1', 'a2'].flatMap((q) => [1, 2, 3].map((k) => ({ q, style: `s${k}`, text: `right${k}` }))),
    );
    expect((await readPool(ctx, paths[1]!)).map((r) => [r.q, r.style])).toEqual([
      ['b1', 's1'],
      ['b1', 's2'],
      ['b1', 's3'],
    ]);
    expect(ctx.logs.some((l) => l.message.startsWith('Fields [text] are in both pools'))).toBe(true);
  });

  it('defaults export_path to the work dir and fails clearly when one set has no existing pool', async () => {
    await writeLines(ctx, 'a.jsonl', demo.slice(0, 1));
    await writeLines(ctx, 'b.jsonl', [{ n: 1 }]);
    const paths = await runCartesianJoin(
      cartesianJoinParams.parse({ dataset_path_1: 'a.jsonl', dataset_path_2: 'b.jsonl' }),
      ctx,
    );
    expect(paths).toEqual([join(ctx.workDir, 'data_pool_cartesian_join/iter_1/a_b_cartesian_join_0_0.jsonl')]);
    await expect(
      runCartesianJoin(
        cartesianJoinParams.parse({ dataset_path_1: 'a.jsonl', dataset_path_2: ['gone.jsonl'], export_path: 'x' }),
        ctx,
      ),
    ).rejects.toThrow(/extra_configs\.dataset_path_2: none of the input data pools exists/);
  });
});

describe('data_pool_ranking', () => {
  const paths = ['p0', 'p1', 'p2', 'p3'];
  const metrics = [
    { eval: { acc: 0.5 }, loss: 2 },
    { eval: { acc: 0.9 }, loss: 3 },
    { eval: { acc: 0.5 }, loss: 1 },
    { eval: { acc: 0.9 }, loss: 3 },
  ];
  const rank = (extra: Record<string, unknown>) =>
    runRanking(rankingParams.parse({ dataset_path: paths, metrics, ...extra }), ctx);

  it('ranks by the tuple of dotted keys, descending by default, keeping ties in input order', async () => {
    expect(await rank({ ranking_keys: ['eval.acc'] })).toEqual(['p1', 'p3', 'p0', 'p2']);
    expect(await rank({ ranking_keys: ['eval.acc', 'loss'] })).toEqual(['p1', 'p3', 'p0', 'p2']);
    expect(await rank({ ranking_keys: ['eval.acc', 'loss'], descending: false })).toEqual(['p2', 'p0', 'p1', 'p3']);
    expect(await rank({ ranking_keys: ['loss'], top_n: 2 })).toEqual(['p1', 'p3']);
  });

  it("reads a metrics entry that names a JSON file (an evaluator's results file) as that file's mapping", async () => {
    const files = metrics.map((m, i) => {
      const file = join(ctx.cwd, `metrics-${i}.json`);
      writeFileSync(file, JSON.stringify(m));
      return file;
    });
    expect(
      await runRanking(rankingParams.parse({ dataset_path: paths, metrics: files, ranking_keys: ['eval.acc'] }), ctx),
    ).toEqual(['p1', 'p3', 'p0', 'p2']);
    await expect(
      runRanking(rankingParams.parse({ dataset_path: ['p0'], metrics: ['missing.json'], ranking_keys: ['x'] }), ctx),
    ).rejects.toThrow(/the metrics file missing.json does not exist/);
  });

  it('drops keys missing from any metrics entry, not only the first, and fails clearly when none is left', async () => {
    const partial = metrics.map((m, i) => (i === 2 ? { eval: { acc: 0.5 } } : m));
    expect(
      await runRanking(
        rankingParams.parse({ dataset_path: paths, metrics: partial, ranking_keys: ['loss', 'eval.acc'] }),
        ctx,
      ),
    ).toEqual(['p1', 'p3', 'p0', 'p2']);
    expect(ctx.logs.map((l) => l.message)).toContain('Ranking keys [loss] does not exist. Skipped!');
    await expect(rank({ ranking_keys: ['nope'] })).rejects.toThrow(
      /no ranking key is present in every metrics entry.*"eval","loss"/,
    );
  });

  it('ranks plain-number metrics by value and checks that paths and metrics have the same length', async () => {
    expect(await runRanking(rankingParams.parse({ dataset_path: ['a', 'b', 'c'], metrics: [1, 3, 2] }), ctx)).toEqual([
      'b',
      'c',
      'a',
    ]);
    await expect(runRanking(rankingParams.parse({ dataset_path: ['a'], metrics: [1, 2] }), ctx)).rejects.toThrow(
      /dataset_path and metrics should be lists of the same length/,
    );
  });
});
