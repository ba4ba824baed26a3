/**
 * Creates (or finds) the cached uv environment the `huggingface` executor uses by default (torch as the Data-Juicer
 * engine pins it, so uv links the copy already in its cache, and transformers), through env-manager, so that CI pays
 * for its install before the tests. Usage: pnpm --filter @dj-sandbox/executor-huggingface prepare-env
 */
import { testPythonEnv } from '@dj-sandbox/env-manager/testing';
import { DEFAULT_HF_DEPS, DEFAULT_HF_PYTHON } from '../src/config/hf-config.ts';

const started = Date.now();
const env = await testPythonEnv('huggingface', DEFAULT_HF_DEPS, DEFAULT_HF_PYTHON);
console.log(JSON.stringify({ env: env.prefix, seconds: Math.round((Date.now() - started) / 1000) }));
