import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.ts';

// 200 real texts: prose (Moby-Dick, State of the Union) labelled 1, spam mail bodies labelled 0.
const LABELLED = fileURLToPath(new URL('./__fixtures__/quality-labelled.jsonl', import.meta.url));

describe('dj-sandbox quality train', () => {
  it('trains a model directory from positive and negative datasets and reports held-out precision and recall', async () => {
    const rows = readFileSync(LABELLED, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const dir = testdir();
    const write = (name: string, label: number) =>
      writeFileSync(
        join(dir, name),
        rows
          .filter((r) => r.label === label)
          .map((r) => JSON.stringify({ text: r.text }))
          .join('\n'),
      );
    write('pos.jsonl', 1);
    write('neg.jsonl', 0);
    const { code, stderr } = await runCli(
      ['quality', 'train', '--pos', 'pos.jsonl', '--neg', 'neg.jsonl', '-o', 'model'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'model/model.json'))).toBe(true);
    const precision = Number(/held-out precision ([\d.]+)/.exec(stripVTControlCharacters(stderr))?.[1]);
    expect(precision).toBeGreaterThan(0.8);
  }, 120_000);
});
