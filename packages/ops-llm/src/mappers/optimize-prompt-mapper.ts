import { configError, defineOperator, jobError, type Sample } from '@dj-sandbox/core';
import { ChatClient, type ChatMessage } from '@dj-sandbox/openai-client';
import { z } from 'zod';
import { seededSample } from '../common/seeded-sample.ts';

/** Data-Juicer's default system prompt of `optimize_prompt_mapper` (asks for one new 【提示词】, i.e. "prompt"). */
export const DEFAULT_SYSTEM_PROMPT =
  '请你仔细观察多个示例提示词，按照你的理解，总结出相应规矩，然后写出一个新的更好的提示词，以让模型更好地完成指定任务。' +
  '注意，新生成的【提示词】需要满足如下要求：\n' +
  '1. 生成的【提示词】不能与输入的【提示词】完全一致，但是需要保持格式类似。\n' +
  '2. 生成的【提示词】相比于输入的【提示词】不能有很大的变化，更多应该是关键词、核心参数等方面的微调。\n' +
  '3. 生成时只需生成带有【提示词】前缀的提示词，不需生成其他任何额外信息。\n';

const DEFAULTS = {
  input_template: '{}',
  example_template: '\n如下是一条示例数据：\n{}',
  prompt_template: '【提示词】\n{}\n',
  output_pattern: '【提示词】(.*?)(?=【|$)',
};

/** Parameters of `optimize_prompt_mapper`, with Data-Juicer's defaults; unknown keys pass, as `**kwargs` do. */
export const optimizePromptParams = z
  .object({
    prompt_key: z.string().nullish(),
    api_or_hf_model: z.string().default('Qwen/Qwen2.5-7B-Instruct'),
    gen_num: z.number().int().positive().default(3),
    max_example_num: z.number().int().positive().default(3),
    keep_original_sample: z.boolean().default(true),
    retry_num: z.number().int().default(3),
    api_endpoint: z.string().nullish(),
    response_path: z.string().nullish(),
    system_prompt: z.string().nullish(),
    input_template: z.string().nullish(),
    example_template: z.string().nullish(),
    prompt_template: z.string().nullish(),
    output_pattern: z.string().nullish(),
    enable_vllm: z.boolean().default(false),
    is_hf_model: z.boolean().default(false),
    model_params: z.record(z.string(), z.unknown()).nullish(),
    sampling_params: z.record(z.string(), z.unknown()).nullish(),
    // Ours: time-out of one request in seconds, and the seed of the example draw (Data-Juicer's is unseeded).
    request_timeout: z.number().positive().default(120),
    seed: z.number().int().default(42),
  })
  .loose();

/** Parsed parameters. */
export type OptimizePromptParams = z.output<typeof optimizePromptParams>;

function fill(template: string, value: string): string {
  return template.replace('{}', () => value);
}

function clientFor(params: OptimizePromptParams): ChatClient {
  const modelParams = params.model_params ?? {};
  const baseUrl = modelParams.base_url ?? process.env.OPENAI_BASE_URL;
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw configError('optimize-prompt-base-url', 'optimize_prompt_mapper has no server to ask.', {
      plugin: 'ops-llm',
      path: 'process.optimize_prompt_mapper.model_params.base_url',
      expected: 'model_params.base_url, or the OPENAI_BASE_URL environment variable',
      received: baseUrl ?? null,
      fix: 'Export OPENAI_BASE_URL (and OPENAI_API_KEY) for the OpenAI-compatible server, as Data-Juicer expects.',
    });
  }
  const apiKey = modelParams.api_key ?? process.env.OPENAI_API_KEY;
  return new ChatClient({
    baseUrl,
    ...(typeof apiKey === 'string' && apiKey ? { apiKey } : {}),
    endpoint: params.api_endpoint ?? '/chat/completions',
    responsePath: params.response_path ?? 'choices.0.message.content',
    retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 },
    timeoutMs: params.request_timeout * 1000,
  });
}

/**
 * `optimize_prompt_mapper` (Data-Juicer, batched): shows the model up to `max_example_num` prompts of the batch as
 * examples and asks it `gen_num` times for a new prompt, parsed with `output_pattern`; each new prompt becomes an
 * example for the next. A reply that does not parse is asked again up to `retry_num` times, then skipped with a
 * warning, as in Data-Juicer. New prompts become new samples (the batch's first sample with the new prompt), after
 * the originals when `keep_original_sample`. Here the model is always an OpenAI-compatible server
 * (`OPENAI_BASE_URL` / `model_params.base_url`); the vLLM and Transformers back-ends run on the Python engine.
 */
export const optimizePromptMapper = defineOperator({
  name: 'optimize_prompt_mapper',
  kind: 'mapper',
  description: 'Asks an LLM for new prompts modelled on the prompts of the batch, and adds them as samples.',
  params: optimizePromptParams,
  requires: ['an OpenAI-compatible chat-completions server (OPENAI_BASE_URL)'],
  batched: true,
  create(params, env) {
    if (params.enable_vllm || params.is_hf_model) {
      throw configError('optimize-prompt-backend', 'optimize_prompt_mapper runs here only against an API server.', {
        plugin: 'ops-llm',
        path: `process.optimize_prompt_mapper.${params.enable_vllm ? 'enable_vllm' : 'is_hf_model'}`,
        expected: 'false (an OpenAI-compatible server)',
        received: true,
        fix: 'Serve the model with an OpenAI-compatible server (vllm serve, llama.cpp) and set OPENAI_BASE_URL, or run the recipe on the Python engine (engine: python).',
      });
    }
    const client = clientFor(params);
    const promptKey = params.prompt_key ?? 'prompt';
    const pattern = new RegExp(params.output_pattern ?? DEFAULTS.output_pattern, 's');
    const system = params.system_prompt ?? DEFAULT_SYSTEM_PROMPT;
    const sampling = params.sampling_params ?? {};
    const exampleTemplate = params.example_template ?? DEFAULTS.example_template;
    const promptTemplate = params.prompt_template ?? DEFAULTS.prompt_template;
    const inputTemplate = params.input_template ?? DEFAULTS.input_template;
    let batchNo = 0;

    const generateOne = async (examples: readonly string[]): Promise<string> => {
      const input = fill(inputTemplate, examples.map((p) => fill(exampleTemplate, fill(promptTemplate, p))).join(''));
      const messages: ChatMessage[] = [
        { role: 'system', content: system },
        { role: 'user', content: input },
      ];
      for (let attempt = 1; ; attempt++) {
        let output: string;
        try {
          output = await client.complete(messages, params.api_or_hf_model, sampling);
        } catch (error) {
          throw jobError('optimize-prompt-request', `optimize_prompt_mapper: ${(error as Error).message}`, {
            plugin: 'ops-llm',
            fix: 'Check that the server at OPENAI_BASE_URL is up and serves the model.',
          });
        }
        const parsed = pattern.exec(output)?.[1]?.trim() ?? '';
        if (parsed) return parsed;
        if (attempt >= params.retry_num) {
          env.logger.warn('optimize_prompt_mapper: retry to generate the prompt failed!');
          return '';
        }
        env.logger.warn(`optimize_prompt_mapper: the reply has no prompt; retry ${attempt}.`);
      }
    };

    return {
      async processBatch(samples: Sample[]): Promise<Sample[]> {
        if (samples.length === 0 || !(promptKey in samples[0]!)) return samples;
        const prompts = samples.map((s) => String(s[promptKey] ?? ''));
        const examples = seededSample(
          prompts,
          Math.min(params.max_example_num, prompts.length),
          params.seed + batchNo++,
        );
        const generated: string[] = [];
        for (let i = 0; i < params.gen_num; i++) {
          const prompt = await generateOne(examples);
          if (!prompt) continue;
          generated.push(prompt);
          examples.push(prompt);
          if (examples.length > params.max_example_num) examples.shift();
        }
        const added = generated.map((prompt) => ({ ...structuredClone(samples[0]!), [promptKey]: prompt }));
        return params.keep_original_sample ? [...samples, ...added] : added;
      },
    };
  },
});
