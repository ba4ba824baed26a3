import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fitToBounds, paramBounds } from './param-bounds.ts';

describe('paramBounds', () => {
  it('reads minimum, maximum, exclusive bounds and integer-ness from a zod object schema', () => {
    const schema = z.object({
      min_len: z.number().int().min(0).default(10),
      ratio: z.number().min(0).max(1).nullable().optional(),
      max_ppl: z.number().gt(0),
      lang: z.string(),
    });
    const bounds = paramBounds(schema);
    expect(bounds.min_len).toMatchObject({ integer: true, minimum: 0 });
    expect(bounds.ratio).toEqual({ integer: false, minimum: 0, maximum: 1 });
    expect(bounds.max_ppl).toEqual({ integer: false, exclusiveMinimum: 0 });
    expect(bounds.lang).toBeUndefined();
  });

  it('gives no bounds for a schema of another vendor', () => {
    const schema = {
      '~standard': { version: 1 as const, vendor: 'valibot', validate: (v: unknown) => ({ value: v }) },
    };
    expect(paramBounds(schema)).toEqual({});
  });
});

describe('fitToBounds', () => {
  it('rounds integer bounds inwards, clamps to the range, and refuses values past an exclusive bound', () => {
    expect(fitToBounds(4.2, 'min', { integer: true, minimum: 0 })).toBe(5);
    expect(fitToBounds(4.8, 'max', { integer: true, minimum: 0 })).toBe(4);
    expect(fitToBounds(-3.5, 'min', { integer: true, minimum: 0 })).toBe(0);
    expect(fitToBounds(1.4, 'max', { integer: false, minimum: 0, maximum: 1 })).toBe(1);
    expect(fitToBounds(-10, 'max', { integer: false, exclusiveMinimum: 0 })).toBeUndefined();
    expect(fitToBounds(-10, 'min', undefined)).toBe(-10);
  });
});
