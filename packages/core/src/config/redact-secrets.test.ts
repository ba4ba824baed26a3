import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.ts';

describe('redactSecrets', () => {
  it('masks credential values at any depth and leaves everything else as it was', () => {
    const config = {
      work_dir: './out',
      pipelines: [{ p: { extra_configs: { model_params: { base_url: 'http://h/v1', api_key: 'sk-1' } } } }],
      env: { OPENAI_API_KEY: 'sk-2', hf_token: 'hf-3', max_tokens: 8 },
    };
    expect(redactSecrets(config)).toEqual({
      work_dir: './out',
      pipelines: [{ p: { extra_configs: { model_params: { base_url: 'http://h/v1', api_key: '***' } } } }],
      env: { OPENAI_API_KEY: '***', hf_token: '***', max_tokens: 8 },
    });
    expect(config.env.OPENAI_API_KEY).toBe('sk-2');
  });
});
