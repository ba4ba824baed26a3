import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fixture,
  type PoolTestContext,
  parseLines,
  poolTestContext,
  readPool,
  writeLines,
} from '../test-helpers/pool-test-context.ts';
import { downsamplingParams, runDownsampling } from './downsampling.ts';
import { duplicationParams, runDuplication } from './duplication.ts';

let ctx: PoolTestContext;
let nih: Array<Record<string, unknown>>;
let uspto: Array<Record<string, unknown>>;
beforeEach(async () => {
  ctx = await poolTestContext();
  nih = parseLines(await fixture('data_mixture-the-pile-nih-refined.jsonl'));
  uspto = parseLines(await fixture('data_mixture-the-pile-uspto-refined.jsonl'));
  await writeLines(ctx, 'nih.jsonl', nih);
  await writeLines(ctx, 'uspto.jsonl', uspto.slice(0, 6));
});
afterEach(() => ctx.close());

const texts = (rows: Array<Record<string, unknown>>) => rows.map((r) => r.text as string);
const sorted = (values: string[]) => [...values].sort();

describe('data_pool_duplication', () => {
  it('accepts a single path string, skips missing pools, and writes t copies in order per pool and t', async () => {
    const paths = await runDuplication(
      duplicationParams.parse({ dataset_path: 'nih.jsonl', export_path: 'dup', duplicating_times: [1, 3] }),
      ctx,
    );
    expect(paths).toEqual(['dup/nih_x1.jsonl', 'dup/nih_x3.jsonl']);
    expect(await readPool(ctx, 'dup/nih_x3.jsonl')).toEqual([...nih, ...nih, ...nih]);
    const two = await runDuplication(
      duplicationParams.parse({
        dataset_path: ['gone.jsonl', 'uspto.jsonl', 'nih.jsonl'],
        export_path: 'd2',
        duplicating_times: 2,
      }),
      ctx,
    );
    expect(two).toEqual(['d2/uspto_x2.jsonl', 'd2/nih_x2.jsonl']);
  });

  it('shuffles the copies reproducibly with shuffle_seed, and differently with another seed', async () => {
    const run = async (seed: number, out: string) =>
      readPool(
        ctx,
        (
          await runDuplication(
            duplicationParams.parse({
              dataset_path: 'nih.jsonl',
              export_path: out,
              duplicating_times: [2],
              shuffle: true,
              shuffle_seed: seed,
            }),
            ctx,
          )
        )[0]!,
      );
    const a = await run(42, 'a');
    const again = await run(42, 'b');
    const other = await run(7, 'c');
    expect(texts(a)).toEqual(texts(again));
    expect(sorted(texts(a))).toEqual(sorted([...texts(nih), ...texts(nih)]));
    expect(texts(a)).not.toEqual([...texts(nih), ...texts(nih)]);
    expect(texts(other)).not.toEqual(texts(a));
  });

  it('rejects times that are not integers >= 1 with the reference message', () => {
    const bad = duplicationParams.safeParse({ duplicating_times: [2, 0] });
    expect(bad.error?.issues[0]?.message).toBe('duplicating_times should be integers >= 1.');
  });
});

describe('data_pool_downsampling', () => {
  it('samples every pool to the smallest size by default, named by the target, reproducibly', async () => {
    const params = downsamplingParams.parse({ dataset_path: ['nih.jsonl', 'uspto.jsonl'], export_path: 'down' });
    const paths = await runDownsampling(params, ctx);
    expect(paths).toEqual(['down/nih_6.jsonl', 'down/uspto_6.jsonl']);
    const first = await readPool(ctx, paths[0]!);
    expect(first).toHaveLength(6);
    expect(texts(nih)).toEqual(expect.arrayContaining(texts(first)));
    expect(sorted(texts(await readPool(ctx, paths[1]!)))).toEqual(sorted(texts(uspto.slice(0, 6))));
    await runDownsampling(params, ctx);
    expect(await readPool(ctx, paths[0]!)).toEqual(first);
  });

  it('honours seed when shuffle_seed is absent, and keeps the target in the name when a pool is smaller', async () => {
    const bySeed = (extra: Record<string, unknown>, out: string) =>
      runDownsampling(
        downsamplingParams.parse({ dataset_path: 'nih.jsonl', export_path: out, target_num_samples: 5, ...extra }),
        ctx,
      );
    const [defaultSeed] = await bySeed({}, 'a');
    const [seed42] = await bySeed({ seed: 42 }, 'b');
    const [seed1] = await bySeed({ seed: 1 }, 'c');
    const [both] = await bySeed({ seed: 1, shuffle_seed: 42 }, 'd');
    expect(await readPool(ctx, seed42!)).toEqual(await readPool(ctx, defaultSeed!));
    expect(await readPool(ctx, both!)).toEqual(await readPool(ctx, defaultSeed!));
    expect(texts(await readPool(ctx, seed1!))).not.toEqual(texts(await readPool(ctx, defaultSeed!)));
    const big = await runDownsampling(
      downsamplingParams.parse({ dataset_path: 'uspto.jsonl', export_path: 'e', target_num_samples: 100 }),
      ctx,
    );
    expect(big).toEqual(['e/uspto_100.jsonl']);
    expect(await readPool(ctx, big[0]!)).toHaveLength(6);
  });
});
