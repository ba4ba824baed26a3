import { sandboxJsonSchema } from '@dj-sandbox/config';
import { writeFileAtomicSync } from '@dj-sandbox/core';
import { EXIT } from '../output/render-error.ts';

/** `dj-sandbox schema [--out file]`: the JSON Schema of sandbox configs, for editor completion. */
export async function schemaCommand(options: { out?: string }): Promise<number> {
  const text = `${JSON.stringify(sandboxJsonSchema(), null, 2)}\n`;
  if (options.out) writeFileAtomicSync(options.out, text);
  else process.stdout.write(text);
  return EXIT.ok;
}
