/**
 * Benchmarks the native video filters against Data-Juicer itself on one recipe, and prints one JSON object.
 *
 * The recipe runs `video_duration_filter`, `video_resolution_filter` and `video_aspect_ratio_filter` over the
 * reference videos repeated (10,000 samples by default). Our engine runs it through `dj-sandbox process` (its
 * progress bar on stderr); Data-Juicer runs the same recipe through its `dj-process` entry in a Python that has
 * py-data-juicer 1.6.1 and av 13.1.0 (`DJ_BENCH_PYTHON`; skipped when unset). Data-Juicer probes every sample, so
 * it gets fewer samples by default (`DJ_BENCH_SAMPLES`, 1,000); rates are samples per second of wall time,
 * process start included.
 *
 *   DJ_BENCH_PYTHON=/path/to/venv/bin/python pnpm --filter @dj-sandbox/ops-video bench
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MEDIA = fileURLToPath(new URL('../src/__fixtures__/media/', import.meta.url));
const CLI = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const samples = Number(process.env.BENCH_SAMPLES ?? 10_000);
const djSamples = Number(process.env.DJ_BENCH_SAMPLES ?? 1_000);
const np = Number(process.env.BENCH_NP ?? 1);

const videos = readdirSync(MEDIA)
  .filter((f) => f.endsWith('.mp4'))
  .sort();

function writeRecipe(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  const dataset = join(dir, 'videos.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const video = videos[i % videos.length]!;
    lines.push(JSON.stringify({ text: `<__dj__video> sample ${i}`, videos: [join(MEDIA, video)] }));
  }
  writeFileSync(dataset, `${lines.join('\n')}\n`);
  const recipe = join(dir, 'recipe.yaml');
  writeFileSync(
    recipe,
    [
      'project_name: ops-video-bench',
      `dataset_path: ${dataset}`,
      `export_path: ${join(dir, 'out', 'kept.jsonl')}`,
      `np: ${np}`,
      'use_cache: false',
      'process:',
      '  - video_duration_filter: {min_duration: 11.8, max_duration: 30}',
      '  - video_resolution_filter: {min_width: 400}',
      "  - video_aspect_ratio_filter: {min_ratio: '4/3', max_ratio: '16/9'}",
      '',
    ].join('\n'),
  );
  return recipe;
}

function timed(command: string, args: string[], cwd: string): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`);
  return (performance.now() - start) / 1000;
}

const work = mkdtempSync(join(tmpdir(), 'ops-video-bench-'));
try {
  const ours = writeRecipe(join(work, 'ts'), samples);
  const tsSeconds = timed(process.execPath, [CLI, 'process', '--recipe', ours], PACKAGE_DIR);
  const result: Record<string, unknown> = {
    node: process.version,
    recipe: ['video_duration_filter', 'video_resolution_filter', 'video_aspect_ratio_filter'],
    np,
    dj_sandbox: { samples, seconds: tsSeconds, samples_per_s: samples / tsSeconds },
  };
  const python = process.env.DJ_BENCH_PYTHON;
  if (python) {
    const theirs = writeRecipe(join(work, 'py'), djSamples);
    const script = `import sys\nfrom data_juicer.tools.process_data import main\nsys.argv=['dj-process','--config',${JSON.stringify(theirs)}]\nsys.exit(main())`;
    const djSeconds = timed(python, ['-c', script], join(work, 'py'));
    result.data_juicer = { samples: djSamples, seconds: djSeconds, samples_per_s: djSamples / djSeconds };
    result.speedup = samples / tsSeconds / (djSamples / djSeconds);
  } else {
    result.data_juicer = 'skipped: set DJ_BENCH_PYTHON to a Python with py-data-juicer 1.6.1 and av 13.1.0';
  }
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
