import { execFile } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));

describe('examples/data-pools', () => {
  it('runs single op → multi op → duplicate on real text and records every pool', async () => {
    // A copy of the example in a temp folder, with the example's installed plugins linked in.
    const dir = testdir();
    cpSync(join(EXAMPLE, 'data'), join(dir, 'data'), { recursive: true });
    cpSync(join(EXAMPLE, 'sandbox.yaml'), join(dir, 'sandbox.yaml'));
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    await promisify(execFile)(process.execPath, [CLI, 'run', '--config', 'sandbox.yaml'], {
      cwd: dir,
      env: { ...process.env, CI: 'true' },
    });

    const [iteration] = JSON.parse(readFileSync(join(dir, 'outputs/data-pools/context_infos.json'), 'utf8'));
    const outputs = Object.fromEntries(
      iteration.pipeline_infos.flatMap((p: { job_infos: Array<Record<string, unknown>> }) =>
        p.job_infos.map((j) => [j.meta_name, j]),
      ),
    );
    expect(iteration.pipeline_infos.map((p: { pipeline_name: string }) => p.pipeline_name)).toEqual([
      'single_op_exps',
      'multi_op_exps',
      'duplicate_exps',
    ]);

    // Construction: three thirds per numeric stat of the analysed data.
    const pools = outputs.construct_pools['0'] as string[];
    expect(pools).toContain('./outputs/data-pools/pools/iter_1/lang_score/analysed_lang_score_2.jsonl');
    expect(pools.filter((p) => p.includes('/text_len/'))).toHaveLength(3);
    const lines = (path: string) => readFileSync(join(dir, path), 'utf8').trim().split('\n').filter(Boolean);
    expect(pools.filter((p) => p.includes('/text_len/')).map((p) => lines(p).length)).toEqual([17, 16, 17]);

    // The training sample is 16 rows; duplicated x1 and x2, downsampled to at most 20 each, then merged.
    expect(JSON.parse(readFileSync(join(dir, outputs.sample_for_training.train_set_path), 'utf8'))).toHaveLength(16);
    expect(outputs.downsample.downsampled_paths.map((p: string) => lines(p).length)).toEqual([16, 20]);
    const merged = outputs.merge.merged_path as string;
    expect(lines(merged)).toHaveLength(36);
    const meta = JSON.parse(readFileSync(join(dir, `${merged}.meta.json`), 'utf8'));
    expect(meta).toMatchObject({
      operation: 'data_pool_merging',
      samples: 36,
      parents: outputs.downsample.downsampled_paths,
    });
  });
});
