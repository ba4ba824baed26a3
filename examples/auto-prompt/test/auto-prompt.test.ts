import { execFile } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isLocalLlmReady, LOCAL_LLM_SKIP_REASON, startLocalModelServer } from '@dj-sandbox/local-llm';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const WORK_DIR = 'outputs/auto-prompt-optimization-for-grader-model';
const ready = isLocalLlmReady();
const title = 'examples/auto-prompt against the local model server (real llama.cpp server, tiny model built here)';

interface JobInfo {
  meta_name: string;
  [output: string]: unknown;
}
interface Iteration {
  iteration: number;
  pipeline_infos: Array<{ pipeline_name: string; job_infos: JobInfo[] }>;
}

function jobsOf(iteration: Iteration): Record<string, JobInfo> {
  return Object.fromEntries(iteration.pipeline_infos.flatMap((p) => p.job_infos.map((j) => [j.meta_name, j])));
}

function lines(dir: string, path: string): Array<Record<string, unknown>> {
  return readFileSync(join(dir, path), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** Copies the example into a temp folder (config edited by `edit`), runs it against the local server, returns it. */
async function runExample(
  edit: (yaml: string) => string = (y) => y,
): Promise<{ dir: string; iterations: Iteration[] }> {
  const server = await startLocalModelServer();
  const dir = testdir();
  try {
    for (const f of ['data', 'dj_configs_prompt_generating.yaml'])
      cpSync(join(EXAMPLE, f), join(dir, f), { recursive: true });
    writeFileSync(join(dir, 'sandbox.yaml'), edit(readFileSync(join(EXAMPLE, 'sandbox.yaml'), 'utf8')));
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    await promisify(execFile)(process.execPath, [CLI, 'run', '--config', 'sandbox.yaml'], {
      cwd: dir,
      env: { ...process.env, CI: 'true', OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-local-secret' },
      maxBuffer: 1 << 26,
    });
  } finally {
    await server.stop();
  }
  const iterations = JSON.parse(readFileSync(join(dir, WORK_DIR, 'context_infos.json'), 'utf8')) as Iteration[];
  return { dir, iterations };
}

describe.skipIf(!ready)(ready ? title : `${title} (skipped: ${LOCAL_LLM_SKIP_REASON})`, () => {
  it('generates prompts, grades the 20 answers with each, ranks and merges, and stops once the best MSE is <= 0.2', async () => {
    const { dir, iterations } = await runExample();
    expect(iterations.length).toBeGreaterThanOrEqual(1);
    expect(iterations.length).toBeLessThanOrEqual(5);
    const mses = iterations.map((it) => jobsOf(it).grades_evaluation!.min_mse as number);
    for (const mse of mses) expect(mse).toBeGreaterThanOrEqual(0);
    // It stops at the first iteration that meets the target, or after max_iter_num.
    const met = mses.findIndex((m) => m <= 0.2);
    expect(iterations.length).toBe(met === -1 ? 5 : met + 1);

    const first = jobsOf(iterations[0]!);
    // The model wrote new prompts after the original one: one pool per prompt, each joined with the 20 questions.
    const prompts = lines(dir, first.generate_new_prompts!.generated_prompts_path as string);
    expect(prompts.length).toBeGreaterThan(1);
    const pools = first.construct_single_prompt_data_pools!.single_prompt_data_pool_paths as string[];
    expect(pools).toHaveLength(prompts.length);
    const graded = first.grader_model_inference!.grader_model_inference_result as string[];
    expect(graded).toHaveLength(prompts.length);
    for (const path of graded) {
      const rows = lines(dir, path);
      expect(rows).toHaveLength(20);
      expect(rows.every((r) => typeof r.grades === 'string')).toBe(true);
    }
    const merged = first.merge_single_prompt_data_pools!.merged_top_prompt_dataset as string;
    expect(lines(dir, merged).length).toBe(Math.min(3, prompts.length));

    // The key never reaches a record.
    for (const record of ['run.json', 'events.jsonl', 'context_infos.json', 'report.html']) {
      expect(readFileSync(join(dir, WORK_DIR, record), 'utf8')).not.toContain('sk-local-secret');
    }
  }, 600_000);

  it('feeds the three best prompts into the next iteration and the report shows the MSE of every iteration', async () => {
    // A target no MSE meets, so that the loop runs max_iter_num = 2 iterations through iter_updater.
    const { dir, iterations } = await runExample((yaml) =>
      yaml.replace('max_iter_num: 5', 'max_iter_num: 2').replace('min_mse <= 0.2', 'min_mse <= -1'),
    );
    expect(iterations).toHaveLength(2);
    const [first, second] = iterations.map(jobsOf);
    const merged = lines(dir, first!.merge_single_prompt_data_pools!.merged_top_prompt_dataset as string);
    const next = lines(dir, second!.generate_new_prompts!.generated_prompts_path as string);
    // optimize_prompt_mapper keeps its input prompts first, then adds the new ones.
    expect(next.slice(0, merged.length).map((r) => r.prompt)).toEqual(merged.map((r) => r.prompt));

    const report = readFileSync(join(dir, WORK_DIR, 'report.html'), 'utf8');
    for (const i of [1, 2]) {
      expect(report).toContain(
        `<td>${i}</td><td>grader_model_prompt_optimization</td><td><strong>grades_evaluation</strong>`,
      );
    }
    expect(report.match(/<span class="k">min_mse<\/span> <code>[0-9.]+<\/code>/g)).toHaveLength(2);
  }, 600_000);
});
