import type { PreflightEnv } from '../components/define-component.ts';
import type { Logger } from '../logging/logger.ts';
import type { PluginRegistry } from '../plugin/plugin-registry.ts';
import type { SandboxConfig } from '../types/sandbox-config.ts';
import { pipelineJobs, staticExtraConfigs } from './check-config.ts';

/**
 * Runs the preflight check of every component whose config is known before the run (see
 * `ComponentDefinition.preflight`), in job order; the first failure stops the run before any job.
 */
export async function runPreflights(
  config: SandboxConfig,
  registry: PluginRegistry,
  env: { cwd: string; logger: Logger; signal: AbortSignal },
): Promise<void> {
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      const kind = registry.hooks.get(job.hook)?.value.componentKind;
      if (!kind) continue;
      const extra = staticExtraConfigs(job, env.cwd);
      if (!extra || typeof extra.type !== 'string') continue;
      const definition = registry.component(kind, extra.type)?.value;
      if (!definition?.preflight) continue;
      const preflightEnv: PreflightEnv = { ...env, configPath: job.configPath };
      await definition.preflight(extra, preflightEnv);
    }
  }
}
