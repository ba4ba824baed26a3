import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../test-helpers/evaluate-run.ts';
import { pycocoevalcapMissing, pycocoevalcapReference } from '../test-helpers/pycocoevalcap-env.ts';

const missing = await pycocoevalcapMissing();

import { ptbTokens, tokenizeCaption } from './ptb-tokenizer.ts';

interface PtbReference {
  raw: string[];
  tokenized: string[];
}

function captionsOf(file: string): string[] {
  const text = readFileSync(`${fixturesDir}${file}`, 'utf8');
  if (file.endsWith('.txt')) return text.split('\n').filter((l) => l.trim() !== '');
  return text
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const row = JSON.parse(line) as {
        caption?: string;
        references?: string[];
        meta?: { prediction: string };
        gts?: string[];
      };
      return [row.caption ?? row.meta!.prediction, ...(row.references ?? row.gts!)];
    });
}

describe('PTB tokenisation', () => {
  it('splits clitics, quotes, brackets and trailing punctuation the way the Stanford lexer does', () => {
    expect(ptbTokens(`The cat's sitting on a laptop, isn't it?`)).toEqual(
      "the cat 's sitting on a laptop , is n't it ?".split(' '),
    );
    expect(ptbTokens('A "Stop" sign (red) at 5th Ave. and Main St.').join(' ')).toBe(
      "a `` stop '' sign -lrb- red -rrb- at 5th ave. and main st.",
    );
  });

  it('drops the punctuation tokens but keeps the lower-cased bracket tokens, as pycocoevalcap does', () => {
    expect(tokenizeCaption('A woman (in a red dress) -- holds an umbrella...')).toBe(
      'a woman -lrb- in a red dress -rrb- holds an umbrella',
    );
  });

  describe.skipIf(missing)(`equals the Stanford CoreNLP 3.4.1 jar ${missing ?? ''}`, () => {
    for (const file of ['ptb_cases.txt', 'captions.jsonl', 'captions_weak_custom_keys.jsonl']) {
      it(`on every caption of ${file}: the raw jar tokens and pycocoevalcap's PTBTokenizer output`, async () => {
        const captions = captionsOf(file);
        const path = join(mkdtempSync(join(tmpdir(), 'ptb-')), 'captions.txt');
        writeFileSync(path, `${captions.join('\n')}\n`);
        const reference = await pycocoevalcapReference<PtbReference>(['ptb', path], fixturesDir);
        expect(captions.map((c) => ptbTokens(c).join(' '))).toEqual(reference.raw);
        expect(captions.map(tokenizeCaption)).toEqual(reference.tokenized);
      });
    }
  });
});
