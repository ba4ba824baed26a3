import { execFile } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const DATA = readFileSync(join(EXAMPLE, 'data/data-demo-dataset-deduplication.jsonl'), 'utf8');
const source = DATA.trim()
  .split('\n')
  .map((l) => JSON.parse(l).text as string);

/** Runs `dj-sandbox process` on the dedup dataset with one op and returns the kept rows' input line numbers. */
async function keptRows(
  op: string,
  params: string,
  np: number,
  extra = '',
): Promise<{ rows: number[]; out: Array<Record<string, unknown>> }> {
  const dir = testdir({
    'data.jsonl': DATA,
    'recipe.yaml': `dataset_path: ./data.jsonl\nexport_path: ./out/res.jsonl\nnp: ${np}\n${extra}process:\n  - ${op}: ${params}\n`,
  });
  symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
  await promisify(execFile)(process.execPath, [CLI, 'process', '--recipe', 'recipe.yaml'], {
    cwd: dir,
    env: { ...process.env, CI: 'true' },
  });
  const out = readFileSync(join(dir, 'out/res.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  return { rows: out.map((s) => source.indexOf(s.text)), out };
}

// Expected rows come from Data-Juicer's own algorithms run in Python on this file
// (packages/ops-text/src/deduplicators/__fixtures__/make-dj-dedup-reference.py).
describe('the three deduplicators through dj-sandbox process, as Data-Juicer keeps them', () => {
  it('document_deduplicator keeps the first of each exact duplicate', async () => {
    expect((await keptRows('document_deduplicator', '{}', 1)).rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
  });

  it('document_minhash_deduplicator (space tokens) keeps the same rows at np 1 and np 2, with its hash as a list of numbers', async () => {
    const one = await keptRows('document_minhash_deduplicator', '{tokenization: space}', 1);
    const two = await keptRows(
      'document_minhash_deduplicator',
      '{tokenization: space}',
      2,
      'keep_hashes_in_res_ds: true\n',
    );
    expect(one.rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 12]);
    expect(two.rows).toEqual(one.rows);
    // the band keys (25 bands × a 64-bit digest as two uint32), exported as a list, not a typed array's {"0": ...}
    expect(two.out[0]!.__dj__minhash).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(two.out[0]!.__dj__minhash).toHaveLength(50);
  });

  it('document_simhash_deduplicator keeps the rows Data-Juicer keeps', async () => {
    expect((await keptRows('document_simhash_deduplicator', '{}', 2)).rows).toEqual([
      0, 1, 2, 3, 5, 6, 7, 8, 9, 12, 13,
    ]);
  });
});
