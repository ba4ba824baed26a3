import { z } from 'zod';
import { sandboxConfigSchema } from './schema.ts';

/**
 * The JSON Schema (draft 2020-12) of sandbox configs, for editor completion:
 * `# yaml-language-server: $schema=./dj-sandbox.schema.json`.
 */
export function sandboxJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(sandboxConfigSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'dj-sandbox config',
    description:
      'A dj-sandbox (Data-Juicer sandbox) config: pipelines of probe, refine, execution and evaluation jobs.',
  };
}
