import { describe, expect, it } from 'vitest';
import { isLocalLlmReady, LOCAL_LLM_SKIP_REASON } from './local-llm-env.ts';
import { startLocalModelServer } from './model-server.ts';

const ready = isLocalLlmReady();

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
              { role: 'user', content: 'Question: What is 2 + 2?\nAnswer: 2 + 2 = <<2+2=4>>4\n#### 4' },
            ],
          }),
        });
        const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
        expect(body.choices[0]!.message.content.trim()).toMatch(/^(0|1|0\.\d+)$/);
      } finally {
        await server.stop();
      }
    }, 120_000);
  },
);
