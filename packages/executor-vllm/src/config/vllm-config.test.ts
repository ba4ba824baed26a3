import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { serveFlags } from '../server/vllm-server.ts';
import { readVllmConfig, vllmSamplingParams } from './vllm-config.ts';

const base = { type: 'vllm', model: 'org/m', export_path: './out' };

describe('vllm config', () => {
  it('runs offline as the reference unless mode says server, and pins vllm for real users', () => {
    expect(readVllmConfig(base)).toMatchObject({
      mode: 'offline',
      model_params: {},
      build_messages_func: 'build_input',
      infer_res_key: 'response',
      env_deps: ['vllm==0.33.0'],
      concurrency: 16,
    });
    expect(() => readVllmConfig({ ...base, mode: 'remote' })).toThrow(/mode/);
    expect(() => readVllmConfig({ ...base, tensor_parallel_size: 0 })).toThrow(/tensor_parallel_size/);
  });

  it("gives vLLM max_tokens: the user's, the model's generation config, else 512", () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    const model = testdir({ 'generation_config.json': { max_new_tokens: 48 } });
    expect(vllmSamplingParams(readVllmConfig({ ...base, sampling_params: { max_tokens: 8 } }), model, warn)).toEqual({
      max_tokens: 8,
    });
    expect(vllmSamplingParams(readVllmConfig(base), model, warn)).toEqual({ max_tokens: 48 });
    expect(vllmSamplingParams(readVllmConfig(base), null, warn)).toEqual({ max_tokens: 512 });
    expect(warnings).toEqual([]);
    const renamed = readVllmConfig({ ...base, sampling_params: { max_new_tokens: 6, temperature: 0 } });
    expect(vllmSamplingParams(renamed, null, warn)).toEqual({ max_tokens: 6, temperature: 0 });
    expect(warnings[0]).toMatch(/max_new_tokens .* max_tokens/);
  });

  it('writes model_params as vllm serve flags', () => {
    expect(
      serveFlags({
        max_model_len: 512,
        trust_remote_code: true,
        enforce_eager: false,
        limit_mm_per_prompt: { image: 2 },
      }),
    ).toEqual(['--max-model-len', '512', '--trust-remote-code', '--limit-mm-per-prompt', '{"image":2}']);
  });
});
