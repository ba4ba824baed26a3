import type { AnyOperatorDefinition, SelectorInstance } from '@dj-sandbox/core';
import { silentLogger } from '@dj-sandbox/core';

/** Validates params through the op's schema and runs its `select` over one value per row (indices 0..n-1). */
export async function runSelector(
  op: AnyOperatorDefinition,
  values: unknown[],
  raw: Record<string, unknown> = {},
): Promise<number[]> {
  const result = await op.params['~standard'].validate(raw);
  if (result.issues) throw new Error(`invalid params: ${result.issues.map((i) => i.message).join('; ')}`);
  const selector = (await op.create(result.value, { workDir: '/tmp', logger: silentLogger })) as SelectorInstance;
  return selector.select(values.map((v, index) => ({ index, values: [v] })));
}
