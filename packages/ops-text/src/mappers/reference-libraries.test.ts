import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from './internal/ftfy/fix-text.ts';
import { htmlBodyText } from './internal/html-text.ts';

// Outputs of the Python libraries Data-Juicer calls (ftfy.fix_text, selectolax's HTMLParser().text()) on extra
// cases, produced by a throw-away script; see the file's "how" field.
const ref = JSON.parse(
  readFileSync(new URL('./__fixtures__/ftfy-selectolax-reference.json', import.meta.url), 'utf8'),
) as {
  fix_unicode: Array<[string, string]>;
  html_text: Array<[string, string]>;
};

describe('the ftfy-like fixer', () => {
  for (const [input, want] of ref.fix_unicode) {
    it(`fixes ${JSON.stringify(input)} as ftfy does`, () => {
      expect(fixText(input, 'NFC')).toBe(want);
    });
  }
});

describe('the HTML body-text extractor', () => {
  for (const [input, want] of ref.html_text) {
    it(`extracts ${JSON.stringify(input)} as selectolax does`, () => {
      expect(htmlBodyText(input)).toBe(want);
    });
  }
});
