import { deepCopy, type SandboxConfig } from '@dj-sandbox/core';
import { applyTrialParams } from '../params/apply-trial-params.ts';
import type { TrialParams } from '../samplers/sampler.ts';

/**
 * The sandbox config of one trial: the parameters applied, `work_dir` set to the trial's dir, `hpo_config`
 * cleared (a trial is a plain sandbox run) and `resume` off (an unfinished trial runs again from the start).
 */
export function trialConfig(base: SandboxConfig, params: TrialParams, workDir: string, cwd: string): SandboxConfig {
  const config = applyTrialParams(base, params, cwd);
  const raw = deepCopy(config.raw);
  raw.work_dir = workDir;
  delete raw.hpo_config;
  return { ...config, work_dir: workDir, hpo_config: null, resume: false, raw };
}
