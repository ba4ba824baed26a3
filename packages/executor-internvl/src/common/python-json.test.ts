import { describe, expect, it } from 'vitest';
import { pythonJsonDumps } from './python-json.ts';

describe('pythonJsonDumps', () => {
  it("writes json.dumps' separators, key order and float repr", () => {
    expect(pythonJsonDumps({ a: [1, 2.5, 1e-5, 1e16, true, null], b: 'x' }, { ensureAscii: false })).toBe(
      '{"a": [1, 2.5, 1e-05, 1e+16, true, null], "b": "x"}',
    );
  });

  it('escapes non-ASCII characters only when ensure_ascii is on, as json.dump does', () => {
    expect(pythonJsonDumps('café “x”', { ensureAscii: true })).toBe('"caf\\u00e9 \\u201cx\\u201d"');
    expect(pythonJsonDumps('café', { ensureAscii: false })).toBe('"café"');
  });
});
