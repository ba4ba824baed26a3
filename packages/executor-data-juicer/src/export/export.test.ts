import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { readJsonl, runRecipe } from '../test-helpers/run-recipe.ts';
import { FIXTURES } from '../test-helpers/test-env.ts';
import { shardLayout, shardPaths, statsPathOf } from './export-paths.ts';
import { Exporter } from './exporter.ts';

const DEDUP = join(FIXTURES, 'data-demo-dataset-deduplication.jsonl');
const rows = readJsonl(DEDUP);

describe('export', () => {
  it('names shards <stem>-<i>-of-<k> with zero padding of len(str(k)) + 1', () => {
    expect(shardPaths('/o/demo.jsonl', 3, 'jsonl')).toEqual([
      '/o/demo-00-of-03.jsonl',
      '/o/demo-01-of-03.jsonl',
      '/o/demo-02-of-03.jsonl',
    ]);
    expect(shardPaths('/o/a.b.parquet', 12, 'parquet')[11]).toBe('/o/a-011-of-012.parquet');
    expect(statsPathOf('/o/x.parquet')).toBe('/o/x_stats.jsonl');
    expect(shardLayout(14, 36_000, 10_000)).toEqual([4, 4, 3, 3]);
    expect(shardLayout(2, 36_000, 10_000)).toEqual([1, 1]);
  });

  it('splits the export into contiguous shards of near-equal rows, with one stats file', async () => {
    const { result, out } = await runRecipe({
      dataset_path: DEDUP,
      export_shard_size: 10_000,
      process: [{ text_len_test_filter: { min: 0 } }],
    });
    const size = statSync(DEDUP).size;
    const k = Math.min(Math.floor(size / 10_000) + 1, rows.length);
    expect(result.exportPaths).toEqual(shardPaths(join(out, 'result.jsonl'), k, 'jsonl'));
    const shards = result.exportPaths.map(readJsonl);
    expect(shards.map((s) => s.length)).toEqual(shardLayout(rows.length, size, 10_000));
    expect(shards.flat().map((r) => r.text)).toEqual(rows.map((r) => r.text));
    expect(readJsonl(result.statsPath!)).toHaveLength(rows.length);
    expect(readdirSync(out).sort()).toEqual(
      [...result.exportPaths.map((p) => p.slice(out.length + 1)), 'result_stats.jsonl'].sort(),
    );
  });

  it('writes a json array and a parquet file with the same rows as jsonl', async () => {
    const json = await runRecipe({ dataset_path: DEDUP });
    const base = readJsonl(json.result.exportPath);
    const asJson = await runRecipe({ dataset_path: DEDUP, export_path: join(json.out, 'out.json') });
    expect(JSON.parse(readFileSync(asJson.result.exportPath, 'utf8'))).toEqual(base);
    const pq = await runRecipe({
      dataset_path: DEDUP,
      export_path: join(json.out, 'out.parquet'),
      process: [{ text_len_test_filter: { min: 0 } }],
    });
    const back = await parquetReadObjects({ file: await asyncBufferFromFile(pq.result.exportPath) });
    expect(back.map((r) => ({ ...r }))).toEqual(base);
    expect(pq.result.statsPath).toBe(join(json.out, 'out_stats.jsonl'));
  });

  it('keeps stats in the export with keep_stats_in_res_ds and hashes with keep_hashes_in_res_ds', async () => {
    const process = [{ text_len_test_filter: { min: 0 } }, 'exact_test_deduplicator'];
    const plain = await runRecipe({ dataset_path: DEDUP, process });
    expect(Object.keys(readJsonl(plain.result.exportPath)[0]!)).toEqual(Object.keys(rows[0]!));
    const kept = await runRecipe({
      dataset_path: DEDUP,
      process,
      keep_stats_in_res_ds: true,
      keep_hashes_in_res_ds: true,
    });
    const first = readJsonl(kept.result.exportPath)[0]!;
    expect(first.__dj__stats__).toEqual({ text_len: Array.from(String(rows[0]!.text)).length });
    expect(first.__dj__hash).toBe(rows[0]!.text);
  });

  it('writes floats as the shortest round-trip repr', async () => {
    const { result } = await runRecipe({
      dataset_path: join(FIXTURES, 'data-demo-dataset.jsonl'),
      process: [{ language_id_score_filter: { min_score: 0 } }],
    });
    const text = readFileSync(result.statsPath!, 'utf8');
    for (const s of readJsonl(result.statsPath!)) {
      const score = (s.__dj__stats__ as { lang_score: number }).lang_score;
      expect(text).toContain(`"lang_score":${String(score)}`);
    }
  });
});

describe('input kept as data', () => {
  it('keeps a "__proto__" field in its sample and adds no column to the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proto-'));
    const exportPath = join(dir, 'out.jsonl');
    const exporter = new Exporter({
      exportPath,
      type: 'jsonl',
      shardSize: 0,
      keepStats: false,
      keepHashes: false,
      exportDataset: true,
      tempDir: dir,
    });
    const rows = [JSON.parse('{"text": "a", "__proto__": {"polluted": true}}'), { text: 'b' }];
    await exporter.write(rows);
    await exporter.close();
    const lines = readFileSync(exportPath, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('{"text":"a","__proto__":{"polluted":true}}');
    expect(lines[1]).toBe('{"text":"b","__proto__":null}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
