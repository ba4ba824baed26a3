import { execFile, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ensurePythonEnv, findExecutable } from '@dj-sandbox/env-manager';
import { engineEnvSpec } from '@dj-sandbox/executor-data-juicer-py';
import { testdir } from '@dj-sandbox/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const run = promisify(execFile);
// Ray is told this is a single machine, so it binds and connects on 127.0.0.1 only.
const LOOPBACK_RAY = { RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER: '0' };

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!findExecutable('uv'))('examples/python-engine (real Data-Juicer 1.6.1 in a uv env)', () => {
  const dir = testdir();
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [CLI, ...args], {
      cwd: dir,
      env: { ...process.env, CI: 'true', ...env },
      maxBuffer: 64 << 20,
    });

  beforeAll(async () => {
    for (const part of ['data', 'media', 'recipes', 'sandbox.yaml'])
      cpSync(join(EXAMPLE, part), join(dir, part), { recursive: true });
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    // The engine's env is created once and cached; CI creates it before the tests (.ci/run).
    await ensurePythonEnv(engineEnvSpec());
  }, 1_800_000);

  it('probes with Data-Juicer, refines with k-sigma from its stats, processes, and the report shows its stats', async () => {
    await cli(['run', '--config', 'sandbox.yaml']);
    const out = join(dir, 'outputs/python-engine');

    // Data-Juicer's own stats of the six samples (its analyzer's overall table) drove the refinement.
    const stats = lines(join(out, 'data/iter_1/processed_stats.jsonl'));
    expect(stats).toHaveLength(1);
    const refined = parse(readFileSync(join(out, 'k_sigma_recipe.yaml'), 'utf8')) as {
      process: Array<Record<string, Record<string, number>>>;
    };
    const byName = Object.fromEntries(
      refined.process.map((e) => Object.entries(e)[0] as [string, Record<string, number>]),
    );
    // mean ± 1·std of the durations 11.75, 11.75, 12.0, 12.0, 22.43, 22.43 and of the aspect ratios of the images.
    expect(byName.video_duration_filter?.min_duration).toBeCloseTo(15.394444 - 5.453446, 4);
    expect(byName.video_duration_filter?.max_duration).toBeCloseTo(15.394444 + 5.453446, 4);
    expect(byName.image_aspect_ratio_filter?.min_ratio).toBeCloseTo(1.058444 - 0.245595, 4);
    // Integer parameters stay integers (Data-Juicer rejects a float there).
    expect(byName.text_length_filter).toEqual({ min_len: 29, max_len: 81 });

    const kept = lines(join(out, 'data/iter_1/processed.jsonl')).map((r) => r.text);
    expect(kept).toEqual(['<__dj__video> two children build a sand castle on the beach while waves roll in']);

    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('video_duration');
    expect(report).toContain('aspect_ratios');
    const log = readFileSync(join(out, 'context_infos.json'), 'utf8');
    expect(log).toContain('processed_dataset_path');
  }, 1_200_000);

  it('runs a recipe with an operator only Data-Juicer has on Data-Juicer, and says which operator caused it', async () => {
    const { stdout, stderr } = await cli(['process', '--recipe', 'recipes/python-only.yaml']);
    expect(stdout + stderr).toMatch(
      /runs on Data-Juicer 1\.6\.1 \(Python\): python_lambda_mapper(, \w+)* (is|are) not native/,
    );
    // Upper-cased by the lambda; then the text, video-width and image-size filters keep two of six.
    expect(lines(join(dir, 'outputs/python-only/upper.jsonl')).map((r) => r.text)).toEqual([
      '<__DJ__VIDEO> A CITY AT NIGHT, SEEN FROM A MOVING CAR, WITH MANY LIGHTS',
      '<__DJ__VIDEO> TWO CHILDREN BUILD A SAND CASTLE ON THE BEACH WHILE WAVES ROLL IN',
    ]);
    expect(lines(join(dir, 'outputs/python-only/upper_stats.jsonl'))).toEqual([
      { __dj__stats__: { text_len: 71, video_width: [640], video_height: [360], image_sizes: [113695] } },
      { __dj__stats__: { text_len: 79, video_width: [640], video_height: [360], image_sizes: [91814] } },
    ]);
  }, 600_000);

  describe('on a Ray cluster started on 127.0.0.1', () => {
    let ray: string;
    let port: number;
    beforeAll(async () => {
      ray = join((await ensurePythonEnv(engineEnvSpec())).prefix, 'bin', 'ray');
      port = await freePort();
      const started = spawnSync(
        ray,
        [
          'start',
          '--head',
          '--node-ip-address=127.0.0.1',
          `--port=${port}`,
          '--num-cpus=2',
          '--include-dashboard=false',
          '--disable-usage-stats',
        ],
        { env: { ...process.env, ...LOOPBACK_RAY }, encoding: 'utf8', timeout: 300_000 },
      );
      if (started.status !== 0) throw new Error(`ray start failed: ${started.stdout}${started.stderr}`);
    }, 600_000);
    afterAll(() => {
      spawnSync(ray, ['stop', '--force'], { env: { ...process.env, ...LOOPBACK_RAY }, timeout: 120_000 });
    });

    it('keeps the same samples with executor_type: ray as the local run', async () => {
      const recipe = parse(readFileSync(join(dir, 'outputs/python-engine/k_sigma_recipe.yaml'), 'utf8'));
      delete recipe.engine;
      writeFileSync(
        join(dir, 'recipes/ray.yaml'),
        stringify({
          ...recipe,
          executor_type: 'ray',
          ray_address: `127.0.0.1:${port}`,
          export_path: './outputs/ray/processed.jsonl',
        }),
      );
      const { stdout, stderr } = await cli(['process', '--recipe', 'recipes/ray.yaml'], LOOPBACK_RAY);
      expect(stdout + stderr).toContain('executor_type: ray runs on Data-Juicer 1.6.1 (Python)');
      const local = lines(join(dir, 'outputs/python-engine/data/iter_1/processed.jsonl'));
      const onRay = lines(join(dir, 'outputs/ray/processed.jsonl'));
      expect(onRay.map((r) => r.text)).toEqual(local.map((r) => r.text));
      expect(lines(join(dir, 'outputs/ray/processed_stats.jsonl'))).toEqual(
        lines(join(dir, 'outputs/python-engine/data/iter_1/processed_stats.jsonl')),
      );
      expect(stdout + stderr).toContain('6 → 1 samples');
    }, 900_000);
  });
});
