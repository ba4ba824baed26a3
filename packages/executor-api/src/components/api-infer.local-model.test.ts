import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLocalLlmReady, LOCAL_LLM_SKIP_REASON, startLocalModelServer } from '@dj-sandbox/local-llm';
import { describe, expect, it } from 'vitest';
import { readApiConfig } from '../config/api-config.ts';
import { readJsonl, tempDir, testEnv } from '../test-helpers/test-env.ts';
import { runApiInference } from './api-infer.ts';

const QUESTIONS = fileURLToPath(new URL('../__fixtures__/init_infer_dataset.jsonl', import.meta.url));
const ready = isLocalLlmReady();

describe.skipIf(!ready)(
  ready
    ? 'api inference against the local model server (real llama.cpp server)'
    : `api inference against the local model server (real llama.cpp server) (skipped: ${LOCAL_LLM_SKIP_REASON})`,
  () => {
    it('grades the 20 math answers with build_messages_for_math_qa, 4 requests at a time', async () => {
      const server = await startLocalModelServer();
      try {
        const dir = tempDir();
        const prompt = 'Act as a math solution evaluator. Score the given solution on a scale of 0 to 1.';
        const rows = readJsonl(QUESTIONS).map((r) => ({ ...r, prompt }) as Record<string, unknown>);
        const input = join(dir, 'graded.jsonl');
        writeFileSync(input, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
        const config = readApiConfig(
          {
            type: 'api',
            model: null, // the server's first model, as the reference does when model is unset
            build_messages_func: 'build_messages_for_math_qa',
            func_kwargs: { system_key: 'prompt', query_key: 'question', response_key: 'answer' },
            sampling_params: { temperature: 0, max_tokens: 6 },
            dataset_path: input,
            export_path: join(dir, 'out'),
            infer_res_key: 'grades',
            concurrency: 4,
          },
          { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'local-key' },
        );
        const [output] = await runApiInference(config, testEnv());
        const graded = readJsonl(output!);
        expect(graded).toHaveLength(20);
        expect(graded.map((r) => r.question)).toEqual(rows.map((r) => r.question));
        // A real model's answers: every row has one, and the tiny model was trained to answer with a score.
        const scores = graded.map((r) => Number.parseFloat(String(r.grades)));
        expect(scores.filter((s) => s >= 0 && s <= 1).length).toBeGreaterThanOrEqual(16);
      } finally {
        await server.stop();
      }
    }, 300_000);
  },
);
