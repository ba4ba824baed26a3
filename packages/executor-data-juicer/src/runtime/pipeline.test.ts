import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import testOps from '../__fixtures__/test-ops-plugin.ts';
import { readJsonl, runRecipe } from '../test-helpers/run-recipe.ts';
import { FIXTURES, tempDir, testEnv } from '../test-helpers/test-env.ts';

const DEDUP = join(FIXTURES, 'data-demo-dataset-deduplication.jsonl');
const MIX = [
  DEDUP,
  join(FIXTURES, 'data_mixture-redpajama-c4-refined.jsonl'),
  join(FIXTURES, 'data_mixture-the-pile-nih-refined.jsonl'),
].join(' ');
const PROCESS = [
  { uppercase_test_mapper: { rounds: 2 } },
  { text_len_test_filter: { min: 40, max: 5000 } },
  'exact_test_deduplicator',
  { language_id_score_filter: { min_score: 0.5 } },
];

describe('the operator pipeline', () => {
  it('gives byte-identical output with np: 2 (worker threads) and np: 1', async () => {
    const one = await runRecipe({ dataset_path: MIX, process: PROCESS, np: 1 }, { batchSize: 3 });
    for (const mainThreadBatches of [false, true]) {
      const env = await testEnv();
      const two = await runRecipe(
        { dataset_path: MIX, process: PROCESS, np: 2 },
        { batchSize: 3, env, mainThreadBatches },
      );
      expect(readFileSync(two.result.exportPath, 'utf8')).toBe(readFileSync(one.result.exportPath, 'utf8'));
      expect(readFileSync(two.result.statsPath!, 'utf8')).toBe(readFileSync(one.result.statsPath!, 'utf8'));
      expect(two.result.ops.map((o) => [o.name, o.samplesOut])).toEqual(
        one.result.ops.map((o) => [o.name, o.samplesOut]),
      );
      const messages = env.records.map((r) => r.message);
      expect(messages.some((m) => m.includes('could not load'))).toBe(false);
      if (mainThreadBatches) {
        expect(messages.some((m) => m.endsWith('on 2 threads (the main thread and 1 worker thread)'))).toBe(true);
      } else {
        expect(messages.some((m) => m.endsWith('on 2 worker threads'))).toBe(true);
        expect(messages).toContainEqual(
          expect.stringMatching(/^batches run: 0 on the main thread, [1-9]\d* in worker/),
        );
      }
    }
    const texts = readJsonl(one.result.exportPath).map((r) => String(r.text));
    expect(texts.every((t) => t === t.toUpperCase())).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('parses and serialises in the workers with byte-identical output, also for odd input lines', async () => {
    const dir = tempDir();
    const path = join(dir, 'odd.jsonl');
    const lines = [
      `\uFEFF${JSON.stringify({ text: 'a first sample with a byte-order mark', id: 1 })}`,
      '',
      'not json at all',
      JSON.stringify({ text: null, id: 2 }),
      JSON.stringify({ text: 'a later row adds a field', id: 3, extra: { nested: [1, 2] } }),
      JSON.stringify({ id: 4, text: 'fields in another order, with \u2028 and "quotes"' }),
      '[1, 2]',
      ...Array.from({ length: 20 }, (_, i) => JSON.stringify({ text: `row ${i} is long enough to stay`, id: 10 + i })),
      JSON.stringify({ text: 'the last line has no newline', id: 99 }),
    ];
    writeFileSync(path, lines.join('\n'));
    const process = [{ text_len_test_filter: { min: 5 } }, { uppercase_test_mapper: { rounds: 1 } }];
    const one = await runRecipe({ dataset_path: path, process, np: 1 }, { batchSize: 4 });
    const env = await testEnv();
    const two = await runRecipe(
      { dataset_path: path, process, np: 2 },
      { batchSize: 4, env, mainThreadBatches: false },
    );
    expect(env.records.some((r) => r.message.includes('worker threads parse the input lines'))).toBe(true);
    expect(one.env.records.some((r) => r.message.includes('worker threads parse the input lines'))).toBe(false);
    expect(readFileSync(two.result.exportPath, 'utf8')).toBe(readFileSync(one.result.exportPath, 'utf8'));
    expect(readFileSync(two.result.statsPath!, 'utf8')).toBe(readFileSync(one.result.statsPath!, 'utf8'));
    expect(two.result.samplesIn).toBe(one.result.samplesIn);
    const warnings = (e: typeof env) =>
      e.records.filter((r) => r.message.startsWith('skipping malformed')).map((r) => r.message);
    expect(warnings(env)).toEqual(warnings(one.env));
    expect(warnings(env)).toEqual([
      expect.stringContaining(`${path}:3:`),
      `skipping malformed input line ${path}:7: the line is valid JSON but not an object`,
    ]);
    expect(Object.keys(readJsonl(two.result.exportPath).at(-1)!)).toEqual(['text', 'id', 'extra', 'cpu_hash']);
    expect(readJsonl(two.result.exportPath).at(-1)).toMatchObject({
      text: 'THE LAST LINE HAS NO NEWLINE',
      extra: null,
    });
  });

  it('exports the rows a deduplicator keeps from workers too, byte-identical to np: 1', async () => {
    for (const process of [
      [{ uppercase_test_mapper: { rounds: 1 } }, 'exact_test_deduplicator'],
      ['exact_test_deduplicator', { text_len_test_filter: { min: 40 } }],
    ]) {
      const one = await runRecipe({ dataset_path: MIX, process, np: 1 }, { batchSize: 3 });
      for (const mainThreadBatches of [false, true]) {
        const two = await runRecipe({ dataset_path: MIX, process, np: 2 }, { batchSize: 3, mainThreadBatches });
        expect(readFileSync(two.result.exportPath, 'utf8')).toBe(readFileSync(one.result.exportPath, 'utf8'));
        expect(two.result.ops).toEqual(one.result.ops.map((o, i) => ({ ...o, seconds: two.result.ops[i]!.seconds })));
        expect(two.result.samplesOut).toBeLessThan(two.result.samplesIn);
      }
    }
  });

  it('uses every core when np is unset, and one thread for a small input', async () => {
    const small = await testEnv();
    await runRecipe({ dataset_path: DEDUP, np: undefined, process: PROCESS }, { env: small });
    expect(small.records.some((r) => r.message.includes('worker threads'))).toBe(false);
    const dir = tempDir();
    const big = join(dir, 'big.jsonl');
    const text = readFileSync(DEDUP, 'utf8');
    writeFileSync(big, text.repeat(Math.ceil((4.5 * 2 ** 20) / text.length)));
    const env = await testEnv();
    await runRecipe({ dataset_path: big, np: undefined, process: [{ text_len_test_filter: { min: 1 } }] }, { env });
    const cores = availableParallelism();
    expect(env.records.some((r) => r.message.includes(`on ${cores} threads (the main thread and`))).toBe(cores > 1);
  });

  it('runs a recipe without per-sample operators on one thread whatever np, with the same output', async () => {
    for (const process of [[], [{ top_length_test_selector: { top: 3 } }]]) {
      const one = await runRecipe({ dataset_path: MIX, process, np: 1 });
      const env = await testEnv();
      const two = await runRecipe({ dataset_path: MIX, process, np: 2 }, { env });
      expect(env.records.some((r) => r.message.includes('worker threads'))).toBe(false);
      expect(env.records.map((r) => r.message)).toContain(
        'running on one thread whatever np (2): the recipe has no per-sample operators',
      );
      expect(readFileSync(two.result.exportPath, 'utf8')).toBe(readFileSync(one.result.exportPath, 'utf8'));
    }
  });

  it('reports op times with worker threads as shares of the wall time, not as a sum over workers', async () => {
    const started = performance.now();
    const { result } = await runRecipe(
      {
        dataset_path: MIX,
        process: [{ uppercase_test_mapper: { rounds: 50 } }, { text_len_test_filter: { min: 1 } }],
        np: 2,
      },
      { batchSize: 2 },
    );
    const wall = (performance.now() - started) / 1000;
    const total = result.ops.reduce((sum, op) => sum + op.seconds, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(wall);
  });

  it('runs operators registered without a plugin module on the main thread and says why', async () => {
    const env = await testEnv({ plugins: [testOps as Plugin], inProcess: true });
    const { result } = await runRecipe({ dataset_path: DEDUP, process: PROCESS, np: 2 }, { env, batchSize: 4 });
    expect(result.samplesOut).toBeGreaterThan(0);
    expect(env.records.find((r) => r.message.includes('on the main thread'))?.message).toContain(
      'uppercase_test_mapper',
    );
  });

  it('drops only the failing sample under skip_op_error and logs the op and the input line', async () => {
    const dir = tempDir();
    const path = join(dir, 'data.jsonl');
    const texts = ['first sample is long enough', 'second one BOOM breaks the op', 'third sample is long enough'];
    writeFileSync(path, `${texts.map((text) => JSON.stringify({ text })).join('\n')}\n`);
    for (const np of [1, 2]) {
      const env = await testEnv();
      const { result } = await runRecipe(
        { dataset_path: path, np, process: [{ text_len_test_filter: { min: 1 } }] },
        { env },
      );
      expect(readJsonl(result.exportPath).map((r) => r.text)).toEqual([texts[0], texts[2]]);
      const warning = env.records.find((r) => r.message.includes('dropped it'));
      expect(warning?.message).toBe(
        `text_len_test_filter failed on the sample from ${path}:2; dropped it (skip_op_error): BOOM in text`,
      );
    }
  });

  it('fails the job naming the op and the sample when skip_op_error is false', async () => {
    const dir = tempDir();
    const path = join(dir, 'data.jsonl');
    writeFileSync(path, `${JSON.stringify({ text: 'fine text here' })}\n${JSON.stringify({ text: 'BOOM' })}\n`);
    for (const np of [1, 2]) {
      await expect(
        runRecipe({ dataset_path: path, np, skip_op_error: false, process: [{ text_len_test_filter: { min: 1 } }] }),
      ).rejects.toThrow(
        `[job:process_data] process[0]: operator text_len_test_filter failed on the sample from ${path}:2: BOOM in text`,
      );
    }
  });

  it('keeps the first occurrence in deduplication and selector output in selection order', async () => {
    const { result } = await runRecipe({
      dataset_path: DEDUP,
      process: ['exact_test_deduplicator', { top_length_test_selector: { top: 3 } }],
    });
    const input = readJsonl(DEDUP).map((r) => String(r.text));
    const unique = input.filter((t, i) => input.indexOf(t) === i);
    const top = [...unique].sort((a, b) => b.length - a.length).slice(0, 3);
    expect(readJsonl(result.exportPath).map((r) => r.text)).toEqual(top);
    expect(result.ops.map((o) => o.samplesOut)).toEqual([unique.length, 3]);
  });

  it('ticks one progress task per operator for every sample it sees', async () => {
    const env = await testEnv();
    await runRecipe(
      { dataset_path: DEDUP, process: [{ text_len_test_filter: { min: 100 } }, 'uppercase_test_mapper'] },
      { env, batchSize: 5 },
    );
    const rows = readJsonl(DEDUP);
    const kept = rows.filter((r) => Array.from(String(r.text)).length >= 100).length;
    expect(env.ticks.get('[1/2] text_len_test_filter')).toBe(rows.length);
    expect(env.ticks.get('[2/2] uppercase_test_mapper')).toBe(kept);
  });
});
