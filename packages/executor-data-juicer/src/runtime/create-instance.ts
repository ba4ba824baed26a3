import {
  type AnyOperatorDefinition,
  configError,
  issuePath,
  type OperatorEnv,
  type OperatorInstance,
} from '@dj-sandbox/core';

/** Validates an op's expanded config with its `params` schema and creates the instance. */
export async function createInstance(
  definition: AnyOperatorDefinition,
  config: Record<string, unknown>,
  env: OperatorEnv,
  index: number,
): Promise<OperatorInstance> {
  const result = await definition.params['~standard'].validate(config);
  if (result.issues) {
    const issue = result.issues[0]!;
    throw configError('recipe-op-param', `invalid parameter of ${definition.name}: ${issue.message}`, {
      path: `process[${index}].${definition.name}${issuePath(issue) ? `.${issuePath(issue)}` : ''}`,
    });
  }
  return definition.create({ ...config, ...(result.value as Record<string, unknown>) }, env);
}
