import { createLogger, type LogRecord, type MapperInstance } from '@dj-sandbox/core';
import { completion, scriptedServer } from '@dj-sandbox/openai-client/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SYSTEM_PROMPT, optimizePromptMapper, optimizePromptParams } from './optimize-prompt-mapper.ts';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function mapperWith(replies: string[], params: Record<string, unknown> = {}) {
  const server = await scriptedServer(replies.map((r) => ({ body: completion(r) })));
  servers.push(server);
  const records: LogRecord[] = [];
  const parsed = optimizePromptParams.parse({
    api_or_hf_model: 'grader',
    model_params: { base_url: server.baseUrl },
    ...params,
  });
  const env = { workDir: '/tmp', logger: createLogger([(r) => records.push(r)], 'debug') };
  const mapper = (await optimizePromptMapper.create(parsed, env)) as MapperInstance;
  return { mapper, server, records };
}

describe('optimize_prompt_mapper', () => {
  it('asks for gen_num new prompts with the batch prompts as examples and appends them as samples', async () => {
    const { mapper, server } = await mapperWith(
      ['【提示词】Grade it 0 to 1.', '【提示词】Score strictly.\n', 'x【提示词】Be fair.'],
      {
        gen_num: 3,
      },
    );
    const out = await mapper.processBatch([{ prompt: 'Act as a grader.', meta: { id: 1 } }]);
    expect(out).toEqual([
      { prompt: 'Act as a grader.', meta: { id: 1 } },
      { prompt: 'Grade it 0 to 1.', meta: { id: 1 } },
      { prompt: 'Score strictly.', meta: { id: 1 } },
      { prompt: 'Be fair.', meta: { id: 1 } },
    ]);
    const first = server.received[0]!.body;
    expect(first).toMatchObject({ model: 'grader' });
    expect(first.messages).toEqual([
      { role: 'system', content: DEFAULT_SYSTEM_PROMPT },
      { role: 'user', content: '\n如下是一条示例数据：\n【提示词】\nAct as a grader.\n' },
    ]);
    // Each new prompt joins the examples of the next request, keeping at most max_example_num.
    expect((server.received[2]!.body.messages as Array<{ content: string }>)[1]!.content).toContain('Score strictly.');
  });

  it('asks again when the reply holds no prompt, and skips after retry_num tries with a warning', async () => {
    const { mapper, server, records } = await mapperWith(['no marker here'], { gen_num: 1, retry_num: 2 });
    const out = await mapper.processBatch([{ prompt: 'p' }]);
    expect(out).toEqual([{ prompt: 'p' }]);
    expect(server.received).toHaveLength(2);
    expect(records.some((r) => r.message.includes('retry to generate the prompt failed'))).toBe(true);
  });

  it('keeps only the generated prompts when keep_original_sample is false', async () => {
    const { mapper } = await mapperWith(['【提示词】new'], { gen_num: 1, keep_original_sample: false });
    await expect(mapper.processBatch([{ prompt: 'old' }])).resolves.toEqual([{ prompt: 'new' }]);
  });

  it('points vLLM and Transformers back-ends to the Python engine', async () => {
    const parsed = optimizePromptParams.parse({ enable_vllm: true, model_params: { base_url: 'http://127.0.0.1:9' } });
    expect(() => optimizePromptMapper.create(parsed, { workDir: '/tmp', logger: createLogger([], 'info') })).toThrow(
      /enable_vllm[\s\S]*Python engine/,
    );
  });
});
