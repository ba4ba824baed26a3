import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { configError } from '@dj-sandbox/core';
import { probeHub } from '@dj-sandbox/llm-infer';

/** ModelScope's hub, or the one `MODELSCOPE_DOMAIN` names (as the modelscope library reads it). */
export function hubUrl(): string {
  const domain = process.env.MODELSCOPE_DOMAIN ?? 'www.modelscope.cn';
  return /^https?:\/\//.test(domain) ? domain.replace(/\/+$/, '') : `https://${domain}`;
}

/** Where the modelscope library caches downloaded models (`MODELSCOPE_CACHE`, else `~/.cache/modelscope/hub`). */
export function modelCacheDirs(modelId: string): string[] {
  const root = process.env.MODELSCOPE_CACHE ?? join(homedir(), '.cache', 'modelscope', 'hub');
  return [join(root, 'models', modelId), join(root, modelId)];
}

/**
 * Checks, before the first job, that a ModelScope model can be had: a local folder, a model already in the
 * modelscope cache, or a hub that answers for it (`GET <hub>/api/v1/models/<id>`, 10 s). Otherwise a config error
 * says which, and how to make the model available, so the run stops before any job instead of after them.
 */
export async function checkModelAvailable(
  modelId: string,
  cwd: string,
  configPath: string,
  signal: AbortSignal,
): Promise<'local' | 'cached' | 'hub'> {
  const local = isAbsolute(modelId) ? modelId : resolve(cwd, modelId);
  if (existsSync(join(local, 'configuration.json')) || existsSync(join(local, 'config.json'))) return 'local';
  if (modelCacheDirs(modelId).some((dir) => existsSync(dir))) return 'cached';
  const url = `${hubUrl()}/api/v1/models/${modelId}`;
  const offline = process.env.MODELSCOPE_OFFLINE === '1' || process.env.HF_HUB_OFFLINE === '1';
  let reason = 'MODELSCOPE_OFFLINE is set';
  if (!offline) {
    const answer = await probeHub(url, signal);
    if (answer === true) return 'hub';
    reason = answer;
  }
  throw configError('modelscope-model-unavailable', `model ${modelId} cannot be downloaded: ${reason}.`, {
    plugin: 'executor-modelscope',
    path: `${configPath}.extra_configs.model_name`,
    expected: `a local model folder, a model in the modelscope cache (${modelCacheDirs(modelId)[0]}), or a reachable hub (${url})`,
    received: modelId,
    fix: 'Run where the ModelScope hub is reachable, download the model once (modelscope download --model <id>) into MODELSCOPE_CACHE, or set model_name to a local folder.',
  });
}
