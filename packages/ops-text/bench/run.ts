/**
 * Runs every `bench/*.bench.ts` of this package in turn and prints one JSON object, `{ "<file>": <its result> }`.
 * A bench file default-exports an async function returning a JSON-serialisable result.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const results: Record<string, unknown> = {};
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { default: () => Promise<unknown> };
  results[file.replace(/\.bench\.ts$/, '')] = await mod.default();
}
console.log(JSON.stringify({ node: process.version, results }, null, 2));
