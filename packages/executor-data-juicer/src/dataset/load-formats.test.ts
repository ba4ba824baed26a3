import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readJsonl, runRecipe } from '../test-helpers/run-recipe.ts';
import { FIXTURES, tempDir } from '../test-helpers/test-env.ts';

const NIH = join(FIXTURES, 'data_mixture-the-pile-nih-refined.jsonl');
const nih = readJsonl(NIH);
const demo = readJsonl(join(FIXTURES, 'data-demo-dataset.jsonl'));

function csvQuote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

describe('loading datasets', () => {
  it('reads jsonl, gzip-compressed and zstd-compressed jsonl to the same rows', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nih.jsonl.gz'), gzipSync(readFileSync(NIH)));
    for (const path of [
      NIH,
      join(dir, 'nih.jsonl.gz'),
      join(FIXTURES, 'data_mixture-the-pile-nih-refined.jsonl.zst'),
    ]) {
      const { result } = await runRecipe({ dataset_path: path });
      expect(readJsonl(result.exportPath)).toEqual(nih);
    }
  });

  it('reads a .json file holding one array of records', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'demo.json'), JSON.stringify(demo, null, 2));
    const { result } = await runRecipe({ dataset_path: join(dir, 'demo.json') });
    expect(readJsonl(result.exportPath).map((r) => r.text)).toEqual(demo.map((r) => r.text));
  });

  it('reads parquet columns as stored', async () => {
    const dir = tempDir();
    const texts = nih.map((r) => String(r.text));
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'text', data: texts, type: 'STRING' },
        { name: 'n', data: texts.map((t) => BigInt(t.length)), type: 'INT64' },
      ],
    });
    writeFileSync(join(dir, 'nih.parquet'), new Uint8Array(buffer));
    const { result } = await runRecipe({ dataset_path: join(dir, 'nih.parquet') });
    expect(readJsonl(result.exportPath)).toEqual(texts.map((text) => ({ text, n: text.length })));
  });

  it('reads csv and tsv with a header row, typing numeric columns and keeping quoted newlines', async () => {
    const dir = tempDir();
    const texts = nih.slice(0, 5).map((r) => String(r.text));
    writeFileSync(join(dir, 'd.csv'), `text,score\n${texts.map((t, i) => `${csvQuote(t)},${i / 2}`).join('\n')}\n`);
    writeFileSync(join(dir, 'd.tsv'), `text\tscore\n${texts.map((t, i) => `${csvQuote(t)}\t${i}`).join('\n')}\n`);
    const csv = await runRecipe({ dataset_path: join(dir, 'd.csv') });
    expect(readJsonl(csv.result.exportPath)).toEqual(texts.map((text, i) => ({ text, score: i / 2 })));
    const tsv = await runRecipe({ dataset_path: join(dir, 'd.tsv') });
    expect(readJsonl(tsv.result.exportPath)).toEqual(texts.map((text, i) => ({ text, score: i })));
  });

  it('loads a folder recursively with the majority formatter, one sample per text file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const texts = nih.slice(0, 3).map((r) => String(r.text));
    writeFileSync(join(dir, 'a.txt'), texts[0]!);
    writeFileSync(join(dir, 'sub', 'b.md'), texts[1]!);
    writeFileSync(join(dir, 'sub', 'c.txt'), texts[2]!);
    copyFileSync(NIH, join(dir, 'ignored.jsonl'));
    const { result, env } = await runRecipe({ dataset_path: dir });
    expect(readJsonl(result.exportPath)).toEqual(texts.map((text) => ({ text })));
    expect(env.records.some((r) => r.level === 'warn' && r.message.includes('ignoring 1 file(s)'))).toBe(true);
    const onlyMd = await runRecipe({ dataset_path: dir, suffixes: ['md'] });
    expect(readJsonl(onlyMd.result.exportPath)).toEqual([{ text: texts[1] }]);
  });

  it('drops rows whose text is null, and fails when the text key is no field at all', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'd.jsonl'),
      `${JSON.stringify({ text: 'kept', a: 1 })}\n${JSON.stringify({ text: null, a: 2 })}\n${JSON.stringify({ a: 3 })}\n`,
    );
    const { result } = await runRecipe({ dataset_path: join(dir, 'd.jsonl') });
    expect(readJsonl(result.exportPath)).toEqual([{ text: 'kept', a: 1 }]);
    await expect(runRecipe({ dataset_path: join(dir, 'd.jsonl'), text_keys: 'content' })).rejects.toThrow(
      /text_keys: text key "content" is not a field of the dataset/,
    );
  });

  it('resolves relative media paths against the dataset folder', async () => {
    const { result } = await runRecipe({ dataset_path: join(FIXTURES, 'data-demo-dataset-images.jsonl') });
    const rows = readJsonl(result.exportPath);
    expect(rows[0]!.images).toEqual([join(FIXTURES, '../../tests/ops/data/img1.png')]);
  });

  it('skips a malformed line with a warning naming file:line, and fails on it with strict: true', async () => {
    const dir = tempDir();
    const path = join(dir, 'broken.jsonl');
    writeFileSync(path, `${JSON.stringify(demo[0])}\n{"text": "unterminated\n${JSON.stringify(demo[1])}\n`);
    const { result, env } = await runRecipe({ dataset_path: path });
    expect(readJsonl(result.exportPath).map((r) => r.text)).toEqual([demo[0]!.text, demo[1]!.text]);
    expect(env.records.find((r) => r.level === 'warn')?.message).toContain(`${path}:2`);
    await expect(runRecipe({ dataset_path: path, strict: true })).rejects.toThrow(`malformed input line ${path}:2`);
  });
});
