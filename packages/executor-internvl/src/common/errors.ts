import { type ComponentEnv, jobError } from '@dj-sandbox/core';

/** A problem in an executor-internvl component, blaming the plugin and the job. */
export function internvlError(
  env: ComponentEnv,
  path: string,
  summary: string,
  data: { expected?: string; received?: unknown; fix: string },
  code = 'internvl-config',
) {
  return jobError(code, summary, {
    plugin: 'executor-internvl',
    job: env.scope.metaName ?? undefined,
    pipeline: env.scope.pipeline,
    path,
    ...data,
  });
}
