import { basename } from 'node:path';
import { deepCopy, type SandboxConfig } from '@dj-sandbox/core';
import { applyTrialParams } from '../params/apply-trial-params.ts';
import type { TrialParams } from '../samplers/sampler.ts';
import { isolateTrialOutputs } from './trial-outputs.ts';

/**
 * The sandbox config of one trial: the parameters applied, `work_dir` set to the trial's dir, `hpo_config`
 * cleared (a trial is a plain sandbox run), `resume` off (an unfinished trial runs again from the start), and every
 * export path made the trial's own (see {@link isolateTrialOutputs}).
 */
export function trialConfig(base: SandboxConfig, params: TrialParams, workDir: string, cwd: string): SandboxConfig {
  const config = applyTrialParams(base, params, cwd);
  isolateTrialOutputs(config, basename(workDir), cwd);
  const raw = deepCopy(config.raw);
  raw.work_dir = workDir;
  delete raw.hpo_config;
  return { ...config, work_dir: workDir, hpo_config: null, resume: false, raw };
}
