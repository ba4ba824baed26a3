import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envSpecFromConfig, pythonEnvConfigShape } from './env-config.ts';

describe('the env keys fragment', () => {
  const schema = z.object({ type: z.literal('demo'), ...pythonEnvConfigShape });

  it('accepts the reference keys and rejects an unknown manager', () => {
    expect(schema.parse({ type: 'demo', env_name: 'x', env_manager: 'conda', env_py_version: '3.10' })).toMatchObject({
      env_manager: 'conda',
    });
    expect(() => schema.parse({ type: 'demo', env_manager: 'pipenv' })).toThrow(/env_manager/);
  });

  it('builds the spec from the config, falling back to the plugin defaults', () => {
    const spec = envSpecFromConfig(
      { env_name: 'envs/hf', env_params: { env_py_version: '3.12' } },
      { env_py_version: '3.11', deps: ['torch'], baseDir: '/work' },
    );
    expect(spec).toEqual({
      env_name: 'envs/hf',
      env_manager: 'uv',
      env_params: { env_py_version: '3.12' },
      env_config_path: null,
      env_py_version: '3.11',
      deps: ['torch'],
      baseDir: '/work',
    });
  });

  it('prefers the config over the defaults and treats mistyped values as unset', () => {
    const spec = envSpecFromConfig(
      { env_manager: 'conda', env_py_version: '3.10', env_name: 7, env_params: ['x'] },
      { env_manager: 'mamba', env_py_version: '3.11' },
    );
    expect(spec).toMatchObject({ env_manager: 'conda', env_py_version: '3.10', env_name: null, env_params: null });
    expect(spec).not.toHaveProperty('deps');
  });
});
