import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import envManager, { ensurePythonEnv } from '@dj-sandbox/env-manager';
import hooksModel from '@dj-sandbox/hooks-model';
import { HF_CHECK_SCRIPT, isLocalLlmReady, LOCAL_LLM_SKIP_REASON, localLlmPaths } from '@dj-sandbox/local-llm';
import { createTestRun, readJsonl } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HF_DEPS, DEFAULT_HF_PYTHON } from '../config/hf-config.ts';
import plugin from '../plugin.ts';

const QUESTIONS = fileURLToPath(new URL('../__fixtures__/math_qa.jsonl', import.meta.url));
const ready = isLocalLlmReady();
const title = 'huggingface inference of the tiny model on CPU (real torch + transformers)';

describe.skipIf(!ready)(ready ? title : `${title} (skipped: ${LOCAL_LLM_SKIP_REASON})`, () => {
  it('reads the Hugging Face copy of the tiny model exactly as the JAX model computed it', async () => {
    const env = await ensurePythonEnv(
      { env_manager: 'uv', env_py_version: DEFAULT_HF_PYTHON, deps: [...DEFAULT_HF_DEPS] },
      { component: 'test: hf logits check' },
    );
    const lines: string[] = [];
    await env.run(['python', HF_CHECK_SCRIPT, localLlmPaths().hfModelDir], { onLine: (l) => lines.push(l) });
    const result = JSON.parse(lines.filter((l) => l.startsWith('{')).at(-1)!) as Record<string, unknown>;
    expect(result).toMatchObject({ prompt_equal: true, ids_equal: true, argmax_equal: true });
    expect(result.max_abs_diff).toBeLessThan(1e-3);
  }, 600_000);

  it('grades math answers through InferModelHook, max_new_tokens taken from the generation config', async () => {
    const run = await createTestRun({
      plugins: [hooksModel, plugin, envManager],
      files: { 'rows.jsonl': readFileSync(QUESTIONS, 'utf8') },
      config: {
        work_dir: './work',
        execution_job_configs: [
          {
            hook: 'InferModelHook',
            meta_name: 'grade',
            extra_configs: {
              type: 'huggingface',
              model: localLlmPaths().hfModelDir,
              build_messages_func: 'build_messages_for_math_qa',
              func_kwargs: { query_key: 'question', response_key: 'answer' },
              dataset_path: 'rows.jsonl',
              export_path: './out',
              infer_res_key: 'grade',
            },
          },
        ],
      },
    });
    copyFileSync(QUESTIONS, run.path('rows.jsonl'));
    await run.run();

    const graded = readJsonl(run.path('out/iter_1/rows_inference.jsonl'));
    const inputs = readJsonl(QUESTIONS);
    expect(graded.map((r) => r.question)).toEqual(inputs.map((r) => r.question));
    // The tiny model was trained to answer grading conversations with a score between 0 and 1.
    const scores = graded.map((r) => Number.parseFloat(String(r.grade)));
    expect(scores.filter((s) => s >= 0 && s <= 1).length).toBeGreaterThanOrEqual(inputs.length - 1);
    const log = readdirSync(run.path('work')).find((f) => /^model_exe_huggingface_\d{14}\.log$/.test(f));
    const text = readFileSync(join(run.path('work'), log!), 'utf8');
    expect(text).toContain('sampling params: {"max_new_tokens": 48}');
    expect(text).toContain(`progress ${inputs.length}/${inputs.length}`);
    expect(readdirSync(run.path('out/iter_1'))).toEqual(['rows_inference.jsonl']);
  }, 600_000);
});
