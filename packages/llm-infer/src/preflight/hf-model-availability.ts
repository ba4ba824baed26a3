import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { configError } from '@dj-sandbox/core';
import type { InferCaller } from '../caller.ts';
import { probeHub } from './probe-hub.ts';

/** The hub, or the one `HF_ENDPOINT` names (as huggingface_hub reads it; vLLM downloads through it too). */
export function hfHubUrl(): string {
  return (process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
}

/** Where huggingface_hub caches a model: `HF_HUB_CACHE`, else `HF_HOME/hub`, else `~/.cache/huggingface/hub`. */
export function hfCacheDir(modelId: string): string {
  const root =
    process.env.HF_HUB_CACHE ??
    (process.env.HF_HOME ? join(process.env.HF_HOME, 'hub') : join(homedir(), '.cache', 'huggingface', 'hub'));
  return join(root, `models--${modelId.replaceAll('/', '--')}`);
}

/** A model written as a path (`./m`, `/m`, `~/m`, or more than one `/`), not a hub id (`org/name`). */
function looksLikePath(model: string): boolean {
  return /^(\.{1,2}[/\\]|[/\\~])/.test(model) || model.split('/').length > 2 || isAbsolute(model);
}

/**
 * Checks, before the first job, that a Transformers or vLLM model can be had: a local folder with `config.json`, a
 * model in the huggingface_hub cache, or a hub that answers for it (`GET <hub>/api/models/<id>`, 10 s). Otherwise a
 * config error says which and how to make it available, instead of a download failure once the env is built.
 */
export async function checkHfModelAvailable(
  model: string,
  cwd: string,
  configPath: string,
  signal: AbortSignal,
  caller: InferCaller,
): Promise<'local' | 'cached' | 'hub'> {
  const local = resolve(cwd, model.replace(/^~(?=[/\\])/, homedir()));
  if (existsSync(join(local, 'config.json'))) return 'local';
  const error = (reason: string, expected: string, fix: string) =>
    configError(`${caller.kind}-model-unavailable`, `model ${model} cannot be loaded: ${reason}.`, {
      plugin: caller.plugin,
      path: `${configPath}.extra_configs.model`,
      expected,
      received: model,
      fix,
    });
  if (existsSync(local) || looksLikePath(model)) {
    throw error(
      existsSync(local) ? `${local} has no config.json` : `${local} does not exist`,
      'a Hugging Face model folder (config.json, weights, tokenizer files)',
      'Point model at the folder that holds config.json (relative paths start at the working directory).',
    );
  }
  if (existsSync(hfCacheDir(model))) return 'cached';
  const url = `${hfHubUrl()}/api/models/${model}`;
  let reason = 'HF_HUB_OFFLINE is set and it is not in the cache';
  if (process.env.HF_HUB_OFFLINE !== '1' && process.env.TRANSFORMERS_OFFLINE !== '1') {
    const answer = await probeHub(url, signal);
    if (answer === true) return 'hub';
    reason = answer;
  }
  throw error(
    reason,
    `a local model folder, a model in the huggingface_hub cache (${hfCacheDir(model)}), or a reachable hub (${url})`,
    'Run where the hub is reachable, download the model once (hf download <id>) into the cache, or set model to a local folder.',
  );
}
