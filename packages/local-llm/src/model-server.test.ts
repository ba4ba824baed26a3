import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLocalLlmReady, LOCAL_LLM_SKIP_REASON } from './local-llm-env.ts';
import { startLocalModelServer } from './model-server.ts';

const ready = isLocalLlmReady();
// A question of the training corpus: the tiny model has learnt to answer those with a score.
const row = JSON.parse(
  readFileSync(new URL('../corpus/init_infer_dataset.jsonl', import.meta.url), 'utf8').split('\n')[0]!,
) as { question: string; answer: string };

describe.skipIf(!ready)(
  ready
    ? 'the local model server (real llama.cpp server, tiny model built here)'
    : `the local model server (real llama.cpp server, tiny model built here) (skipped: ${LOCAL_LLM_SKIP_REASON})`,
  () => {
    it('lists its model and answers a grading conversation with a score, as it was trained to', async () => {
      const server = await startLocalModelServer();
      try {
        const models = (await (await fetch(`${server.baseUrl}/models`)).json()) as { data: Array<{ id: string }> };
        expect(models.data.map((m) => m.id)).toContain(server.model);
        const response = await fetch(`${server.baseUrl}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            model: server.model,
            temperature: 0,
            max_tokens: 6,
            messages: [
              {
                role: 'system',
                content: 'Act as a math solution evaluator. Score the given solution on a scale of 0 to 1.',
              },
              { role: 'user', content: `Question: ${row.question}\nAnswer: ${row.answer}` },
            ],
          }),
        });
        const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
        expect(Number(body.choices[0]!.message.content.trim())).toBeOneOf([0, 1, 0.1, 0.9]);
      } finally {
        await server.stop();
      }
    }, 120_000);
  },
);
