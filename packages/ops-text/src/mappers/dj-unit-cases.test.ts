import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mappers } from './index.ts';
import { runMapper } from './internal/test-run.ts';

// Every sample and target of Data-Juicer's own mapper unit tests (tests/ops/mapper/test_*.py at 1dc20a58),
// collected by running each test with a recording helper. Cases this port cannot run are listed with the reason.
const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/dj-mapper-test-cases.json', import.meta.url), 'utf8'),
) as {
  cases: Array<{
    op: string;
    test: string;
    params: Record<string, unknown>;
    samples: Array<{ text: string; target: string }>;
  }>;
};

const UNSUPPORTED: Record<string, string> = {
  'remove_words_with_incorrect_substrings_mapper/test_zh_case': 'needs the zh sentencepiece model (tokenization: true)',
};

describe("Data-Juicer's mapper unit tests", () => {
  for (const c of fixture.cases) {
    const key = `${c.op}/${c.test}`;
    if (UNSUPPORTED[key]) continue;
    it(`${c.op} passes ${c.test}`, async () => {
      const op = mappers.find((m) => m.name === c.op);
      expect(op, c.op).toBeDefined();
      const out = await runMapper(
        op as never,
        c.samples.map((s) => s.text),
        c.params,
      );
      expect(out).toEqual(c.samples.map((s) => s.target));
    });
  }

  it('covers every text mapper of Data-Juicer', () => {
    expect(new Set(fixture.cases.map((c) => c.op))).toEqual(new Set(mappers.map((m) => m.name)));
  });
});
