import { describe, expect, it } from 'vitest';
import { mergePlainSchema, plainSchema, RowSchema, sameStructs } from './row-schema.ts';

describe('the export row schema', () => {
  it('puts input fields before fields operators add, whatever the order they were seen in', () => {
    const early = new RowSchema();
    early.observeRow({ text: 'a', extra: 1 });
    early.observe({ text: 'A', extra: 1, added: true });
    const late = new RowSchema();
    late.observeRow({ text: 'a' });
    late.observe({ text: 'A', added: true, lang: 'en' });
    late.observeRow({ text: 'b', extra: 1, lang: 'de' });
    expect(early.root.keys).toEqual(['text', 'extra', 'added']);
    expect(late.root.keys).toEqual(['text', 'extra', 'lang', 'added']);
    expect(late.conform({ text: 'A', added: true })).toEqual({ text: 'A', extra: null, lang: null, added: true });
  });

  it('merges a schema sent as plain data exactly as observing its rows would', () => {
    const rows = [
      { text: 'a', meta: { n: 1 } },
      { text: 'b', tags: [{ k: 'x' }], meta: { n: 2, m: 'y' } },
    ];
    const observed = new RowSchema();
    const merged = new RowSchema();
    const local = new RowSchema();
    for (const row of rows) {
      observed.observeRow(row);
      local.observeRow(row);
    }
    mergePlainSchema(merged, plainSchema(local.root), true);
    expect(plainSchema(merged.root)).toEqual(plainSchema(observed.root));
    expect(merged.version).toBe(observed.version);
    expect(sameStructs(plainSchema(local.root), merged.root)).toBe(true);
    merged.observe({ text: 'c', added: 1 });
    expect(sameStructs(plainSchema(local.root), merged.root)).toBe(false);
  });
});
