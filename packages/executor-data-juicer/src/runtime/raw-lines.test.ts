import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processRecipe } from '../components/process-recipe.ts';
import { readJsonl, runRecipe } from '../test-helpers/run-recipe.ts';
import { tempDir, testEnv } from '../test-helpers/test-env.ts';

const RAW_PATH = 'worker threads parse the input lines';

function rows(count: number, boomAt = -1): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ text: i === boomAt ? 'this one goes BOOM' : `sample number ${i} is long enough`, id: i }),
  );
  return `${lines.join('\n')}\n`;
}

describe('the raw-lines path (workers parse and serialise)', () => {
  it('writes the export and the stats file under their final names only when complete', async () => {
    const dir = tempDir();
    const input = join(dir, 'data.jsonl');
    writeFileSync(input, rows(60, 50));
    const out = tempDir();
    const exportPath = join(out, 'result.jsonl');
    writeFileSync(exportPath, 'the previous complete export\n');
    const recipe = {
      dataset_path: input,
      export_path: exportPath,
      np: 2,
      skip_op_error: false,
      process: [{ text_len_test_filter: { min: 1 } }],
    };
    // The failing row runs in a worker, then (default) wherever it lands, the main thread included.
    for (const mainThreadBatches of [false, true]) {
      const env = await testEnv();
      await expect(processRecipe(recipe, env, { batchSize: 4, mainThreadBatches })).rejects.toThrow('BOOM in text');
      expect(env.records.some((r) => r.message.includes(RAW_PATH))).toBe(true);
      expect(readdirSync(out)).toEqual(['result.jsonl']);
      expect(readFileSync(exportPath, 'utf8')).toBe('the previous complete export\n');
    }

    writeFileSync(input, rows(60));
    const result = await processRecipe(recipe, await testEnv(), { batchSize: 4 });
    expect(readdirSync(out).sort()).toEqual(['result.jsonl', 'result_stats.jsonl']);
    expect(readJsonl(result.exportPath)).toHaveLength(60);
    expect(readJsonl(result.statsPath!)).toHaveLength(60);
  });

  it('warns about bytes that are not UTF-8 and keeps "__proto__" fields, as on one thread', async () => {
    const dir = tempDir();
    const input = join(dir, 'data.jsonl');
    writeFileSync(
      input,
      Buffer.concat([
        Buffer.from(`${JSON.stringify({ text: 'a first sample' })}\n`),
        Buffer.from('{"text": "bad bytes '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' in this sample"}\n'),
        Buffer.from(`${JSON.stringify({ text: 'a sample with \ufffd written as such' })}\n`),
        Buffer.from('{"text": "a sample with a proto field", "__proto__": {"polluted": true}}\n'),
        Buffer.from(rows(10)),
      ]),
    );
    const process = [{ text_len_test_filter: { min: 1 } }];
    const one = await runRecipe({ dataset_path: input, process, np: 1 }, { batchSize: 4 });
    const env = await testEnv();
    const two = await runRecipe(
      { dataset_path: input, process, np: 2 },
      { batchSize: 4, env, mainThreadBatches: false },
    );
    expect(env.records.some((r) => r.message.includes(RAW_PATH))).toBe(true);
    expect(readFileSync(two.result.exportPath, 'utf8')).toBe(readFileSync(one.result.exportPath, 'utf8'));
    expect(readFileSync(two.result.statsPath!, 'utf8')).toBe(readFileSync(one.result.statsPath!, 'utf8'));
    const invalid = (e: typeof env) => e.records.filter((r) => r.message.includes('not valid UTF-8'));
    expect(invalid(env).map((r) => r.message)).toEqual([
      `input line ${input}:2 is not valid UTF-8: its bad bytes were replaced by U+FFFD`,
    ]);
    expect(invalid(one.env).map((r) => r.message)).toEqual(invalid(env).map((r) => r.message));
    const exported = readFileSync(two.result.exportPath, 'utf8').split('\n');
    expect(exported[3]).toBe('{"text":"a sample with a proto field","__proto__":{"polluted":true},"id":null}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
