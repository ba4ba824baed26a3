import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bound, filterParams } from './base-params.ts';

describe('filter bounds', () => {
  const schema = filterParams({ min_len: bound(10, 'Minimum length.') });

  it("accept any number, as Data-Juicer does (a recipe refined by DJ's k-sigma tool may hold a negative bound)", () => {
    expect(schema.parse({ min_len: -3269.85 }).min_len).toBe(-3269.85);
  });

  it('declare their valid range as JSON Schema minimum, which k-sigma refinement clamps to', () => {
    const json = z.toJSONSchema(schema, { io: 'input' }) as {
      properties: Record<string, { anyOf: Array<{ minimum?: number }> }>;
    };
    expect(json.properties.min_len!.anyOf[0]!.minimum).toBe(0);
  });
});
