// One measured run in its own process, so peak RSS belongs to that run alone. Prints one JSON line.
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ComponentEnv,
  createLogger,
  type ExtensionPoint,
  MemoryTracker,
  PluginRegistry,
  silentProgress,
} from '@dj-sandbox/core';
import testOps from '../src/__fixtures__/test-ops-plugin.ts';
import { analyzeRecipe } from '../src/components/analyze-recipe.ts';
import { processRecipe } from '../src/components/process-recipe.ts';

const [kind, file, np, processJson] = process.argv.slice(2) as [string, string, string, string];
const out = mkdtempSync(join(tmpdir(), 'dj-bench-'));

async function raw(): Promise<void> {
  const output = createWriteStream(join(out, 'raw.jsonl'));
  let rest = '';
  const decoder = new TextDecoder();
  const flush = async (lines: string[]): Promise<void> => {
    let text = '';
    for (const line of lines) if (line) text += `${JSON.stringify(JSON.parse(line))}\n`;
    if (!output.write(text)) await new Promise((r) => output.once('drain', r));
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const lines = (rest + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
    rest = lines.pop()!;
    await flush(lines);
  }
  await flush([rest]);
  await new Promise((r) => output.end(r));
}

async function env(): Promise<ComponentEnv> {
  const registry = new PluginRegistry();
  await registry.add(
    testOps,
    undefined,
    pathToFileURL(new URL('../src/__fixtures__/test-ops-plugin.ts', import.meta.url).pathname).href,
  );
  return {
    // warnings (e.g. ops that cannot run in worker threads) go to stderr so a surprising figure can be explained
    logger: createLogger([(r) => process.stderr.write(`${r.level}: ${r.message}\n`)], 'warn'),
    tracker: new MemoryTracker(),
    progress: silentProgress,
    signal: new AbortController().signal,
    workDir: out,
    scope: { iteration: 1, pipeline: 'bench', job: 'bench', metaName: 'bench' },
    resolve() {
      throw new Error('none');
    },
    extensions: <T>(p: ExtensionPoint<T>) => registry.extensions(p),
    ownedExtensions: <T>(p: ExtensionPoint<T>) => registry.ownedExtensions(p),
  };
}

const started = performance.now();
let extra: Record<string, unknown> = {};
if (kind === 'raw') await raw();
else {
  const recipe = {
    dataset_path: file,
    export_path: join(out, 'out.jsonl'),
    np: Number(np),
    process: JSON.parse(processJson ?? '[]'),
  };
  if (kind === 'engine') extra = { samplesOut: (await processRecipe(recipe, await env())).samplesOut };
  else extra = { samples: (await analyzeRecipe(recipe, await env())).samples };
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra }));
