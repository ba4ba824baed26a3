import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  analyse,
  fixture,
  type PoolTestContext,
  parseLines,
  poolTestContext,
  readPool,
  writeLines,
} from '../test-helpers/pool-test-context.ts';
import { constructionParams, runConstruction, splitPoints } from './construction.ts';

type Row = Record<string, unknown> & { __dj__stats__: Record<string, unknown> };

/** The reference's rule, written literally: in-place stable sorts that accumulate over the numeric stats keys. */
function referenceOrders(rows: Row[]): Map<string, Row[]> {
  const working = [...rows];
  const out = new Map<string, Row[]>();
  for (const key of Object.keys(rows[0]!.__dj__stats__)) {
    const value = (r: Row) => {
      const v = r.__dj__stats__[key];
      if (Array.isArray(v)) return v.length ? v.reduce((a: number, b: number) => a + b, 0) / v.length : 0;
      return typeof v === 'boolean' ? Number(v) : v;
    };
    if (typeof value(rows[0]!) !== 'number') continue;
    // a stable in-place sort: ties keep the order the previous key left
    working.sort((a, b) => (value(a) as number) - (value(b) as number));
    out.set(key, [...working]);
  }
  return out;
}

let ctx: PoolTestContext;
beforeEach(async () => {
  ctx = await poolTestContext();
});
afterEach(() => ctx.close());

describe('data_pool_construction', () => {
  it('computes split points with floor(N*r + 0.5) in the given order, or every split_num rows', () => {
    expect(splitPoints(10, [1 / 3, 2 / 3], null)).toEqual([0, 3, 7, 10]);
    expect(splitPoints(10, [0.5, 0.25], null)).toEqual([0, 5, 3, 10]);
    expect(splitPoints(10, [], 4)).toEqual([0, 4, 8, 10]);
    expect(splitPoints(8, [], 4)).toEqual([0, 4, 8]);
  });

  it('validates split ratios, fraction strings included, even when split_num is set', () => {
    expect(constructionParams.parse({ split_ratios: ['1/4', 0.5] }).split_ratios).toEqual([0.25, 0.5]);
    const bad = constructionParams.safeParse({ split_ratios: [0.5, 1], split_num: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('split_ratios should be in (0, 1).');
  });

  it('splits an analysed real pool per numeric stats key with the accumulated stable order, lowest values first', async () => {
    const rows = analyse(parseLines(await fixture('data_mixture-redpajama-cc-2023-06-refined.jsonl'))) as Row[];
    await writeLines(ctx, 'cc.v1.jsonl', rows);
    const paths = await runConstruction(
      constructionParams.parse({ dataset_path: 'cc.v1.jsonl', export_path: 'out' }),
      ctx,
    );
    // lang is a string key: skipped; the dotted basename keeps its dot (the reference wrote cc_text_len_0.jsonl.v1)
    const keys = ['text_len', 'num_words', 'line_lens', 'len_bucket', 'starts_upper'];
    expect(paths).toEqual(keys.flatMap((k) => [0, 1, 2].map((i) => `out/${k}/cc.v1_${k}_${i}.jsonl`)));
    const expected = referenceOrders(rows);
    for (const key of keys) {
      const parts = await Promise.all([0, 1, 2].map((i) => readPool(ctx, `out/${key}/cc.v1_${key}_${i}.jsonl`)));
      expect(parts.map((p) => p.length)).toEqual([3, 4, 3]);
      expect(parts.flat()).toEqual(expected.get(key));
    }
    const meta = JSON.parse(await readFile(join(ctx.cwd, 'out/text_len/cc.v1_text_len_0.jsonl.meta.json'), 'utf8'));
    const lens = expected
      .get('text_len')!
      .slice(0, 3)
      .map((r) => r.__dj__stats__.text_len as number);
    expect(meta).toMatchObject({
      operation: 'data_pool_construction',
      parents: ['cc.v1.jsonl'],
      samples: 3,
      params: { stats_key: 'text_len', part: 0, split_num: null },
    });
    expect(meta.stats.text_len).toEqual({ mean: lens.reduce((a, b) => a + b) / 3, min: lens[0], max: lens[2] });
  });

  it('keeps the current order with ignore_stats, writes empty parts, and unifies the schema of every row', async () => {
    const rows = parseLines(await fixture('data-demo-dataset.jsonl'));
    await writeLines(ctx, 'demo.jsonl', rows);
    const paths = await runConstruction(
      constructionParams.parse({
        dataset_path: ['demo.jsonl'],
        export_path: 'out',
        ignore_stats: true,
        split_ratios: [0.5, 0.25],
      }),
      ctx,
    );
    expect(paths).toEqual([0, 1, 2].map((i) => `out/demo_ignore_stats_${i}.jsonl`));
    const parts = await Promise.all(paths.map((p) => readPool(ctx, p)));
    // points [0, 3, 2, 6]: part 1 is rows [3, 2), empty; part 2 is rows [2, 6), overlapping part 0
    expect(parts.map((p) => p.length)).toEqual([3, 0, 4]);
    expect(parts[0]!.map((r) => r.text)).toEqual(rows.slice(0, 3).map((r) => r.text));
    expect(parts[2]!.map((r) => r.text)).toEqual(rows.slice(2).map((r) => r.text));
    expect(parts[0]![1]!.meta).toEqual({ src: 'code', date: null, version: null, author: 'xxx' });
  });

  it('skips cleanly pools without stats or rows and fails clearly when no input exists', async () => {
    await writeLines(ctx, 'plain.jsonl', parseLines(await fixture('data-demo-dataset.jsonl')));
    await writeLines(ctx, 'empty.jsonl', []);
    const paths = await runConstruction(
      constructionParams.parse({ dataset_path: ['plain.jsonl', 'empty.jsonl', 'missing.jsonl'], export_path: 'out' }),
      ctx,
    );
    expect(paths).toEqual([]);
    expect(ctx.logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'Input paths [missing.jsonl] does not exist. Skipped!',
        'Dataset [plain.jsonl] has no stats (a non-empty __dj__stats__ struct). Skipped!',
        'Dataset [empty.jsonl] is empty. Skipped!',
      ]),
    );
    expect(existsSync(join(ctx.cwd, 'out'))).toBe(true);
    await expect(
      runConstruction(constructionParams.parse({ dataset_path: 'nope.jsonl', export_path: 'out' }), ctx),
    ).rejects.toThrow(/extra_configs\.dataset_path: none of the input data pools exists/);
  });
});
