import type { MapperInstance, OperatorDefinition, Sample } from '@dj-sandbox/core';
import { silentLogger } from '@dj-sandbox/core';

/** Test helper: parses params as the runtime does and runs one mapper over texts. */
export async function runMapper<P>(
  op: OperatorDefinition<'mapper', P>,
  texts: string[],
  params: Record<string, unknown> = {},
): Promise<string[]> {
  const parsed = await op.params['~standard'].validate(params);
  if (parsed.issues) throw new Error(JSON.stringify(parsed.issues));
  const inst: MapperInstance = await op.create(parsed.value as P, { workDir: '/tmp', logger: silentLogger });
  const out: Sample[] = await inst.processBatch(texts.map((text) => ({ text })));
  return out.map((s) => s.text as string);
}
