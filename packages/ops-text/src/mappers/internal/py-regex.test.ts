import { describe, expect, it } from 'vitest';
import { compilePyRegex, pyReplacement } from './py-regex.ts';

const sub = (pattern: string, repl: string, text: string, flags = {}) =>
  text.replace(compilePyRegex(pattern, 'test.pattern', flags), pyReplacement(repl));

describe('Python regex translation', () => {
  it("matches Python's $ before a final newline and MULTILINE ^ after each newline only", () => {
    expect(sub('b$', 'X', 'ab\n')).toBe('aX\n');
    expect(sub('^%.*\\n?', '', 'a\n% c\nb', { multiline: true })).toBe('a\nb');
    expect(sub('^x', 'Y', 'a\rx', { multiline: true })).toBe('a\rx');
  });

  it('gives \\w, \\d and \\b their Unicode meaning and . everything but \\n', () => {
    expect(sub('\\w+', '_', 'héllo 世界')).toBe('_ _');
    expect(sub('\\d', '#', '3٣')).toBe('##');
    expect(sub('\\bé', 'E', 'é aé')).toBe('E aé');
    expect(sub('a.b', '-', 'a\rb a\nb')).toBe('- a\nb');
  });

  it('treats escaped non-syntax characters and a stray { as literals', () => {
    expect(sub('\\…{2}', '!', 'x……y')).toBe('x!y');
    expect(sub('[\\-x]', '', 'a-x')).toBe('a');
    expect(sub('a{b', 'c', 'a{b')).toBe('c');
  });

  it('expands \\1, \\g<name> and escapes in replacements', () => {
    expect(sub('(?P<w>a)(b)', '\\2\\g<w>\\n', 'ab')).toBe('ba\n');
  });

  it('reports a pattern it cannot translate as a config error naming the parameter', () => {
    expect(() => compilePyRegex('(?x) a', 'clean_email_mapper.pattern')).toThrow(/clean_email_mapper\.pattern/);
  });
});

describe('Python strip', () => {
  it('strips Python whitespace (0x1C–0x1F, NEL, ideographic space) but not U+FEFF', async () => {
    const { pyStrip } = await import('./py-text.ts');
    expect(pyStrip('\x1c\u3000 a b\u0085\n')).toBe('a b');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
  });
});

describe('Unicode property classes (Python regex module)', () => {
  it("matches \\p{P} as Data-Juicer's deduplicator tests use it for ignore_pattern", () => {
    expect('Hello, world! ¿Qué? 你好。'.replace(compilePyRegex('\\p{P}', 'ignore_pattern'), '')).toBe(
      'Hello world Qué 你好',
    );
  });

  it('accepts the one-letter form, negation, scripts with and without the Script= prefix, and classes', () => {
    expect('a1-b'.replace(compilePyRegex('\\pL', 'p'), '')).toBe('1-');
    expect('a1-b'.replace(compilePyRegex('\\P{L}', 'p'), '')).toBe('ab');
    expect('漢字abc'.replace(compilePyRegex('\\p{Han}', 'p'), '')).toBe('abc');
    expect('漢字abc'.replace(compilePyRegex('\\p{Script=Han}', 'p'), '')).toBe('abc');
    expect('a, b.'.replace(compilePyRegex('[\\p{P}\\s]+', 'p'), '')).toBe('ab');
  });

  it('names an unknown property in the error', () => {
    expect(() => compilePyRegex('\\p{Nonsense}', 'ignore_pattern')).toThrow(/unknown Unicode property "Nonsense"/);
  });
});
