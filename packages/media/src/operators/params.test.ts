import { readFileSync } from 'node:fs';
import { FILTER_BASE_PARAM_NAMES, OP_BASE_PARAM_NAMES } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filterCommonShape, filterParams, opCommonShape, opParams } from './params.ts';

/** The checked-in manifest of the pinned Data-Juicer, written from its own sources by executor-data-juicer-py. */
const manifest = JSON.parse(
  readFileSync(new URL('../../../executor-data-juicer-py/manifest/data-juicer-1.6.1.json', import.meta.url), 'utf8'),
) as { baseParams: Record<'OP' | 'Filter', Record<string, { default: unknown }>> };

const manifestDefaults = { ...manifest.baseParams.OP, ...manifest.baseParams.Filter };

describe("Data-Juicer's common operator parameters", () => {
  it("declare exactly core's names, in Data-Juicer's order", () => {
    expect(Object.keys(opCommonShape)).toEqual([...OP_BASE_PARAM_NAMES]);
    expect(Object.keys(filterCommonShape)).toEqual([...OP_BASE_PARAM_NAMES, ...FILTER_BASE_PARAM_NAMES]);
  });

  it("declare every base parameter of the Data-Juicer manifest, with Data-Juicer's default", () => {
    const defaults = z.object(filterCommonShape).parse({});
    for (const [key, entry] of Object.entries(manifestDefaults)) {
      expect(Object.keys(defaults), key).toContain(key);
      expect(defaults[key as keyof typeof defaults], key).toEqual(entry.default);
    }
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(manifestDefaults).sort());
  });

  it('give filters the keep-rule flags and other operators none of them', () => {
    const filter = filterParams({}).parse({});
    const mapper = opParams({}).parse({});
    expect(filter).toMatchObject({ min_closed_interval: true, max_closed_interval: true, reversed_range: false });
    expect(mapper).not.toHaveProperty('reversed_range');
  });

  it('accept a Data-Juicer recipe that sets them, and pass keys they do not know', () => {
    const params = filterParams({}).parse({
      image_key: 'pictures',
      input_columns: 'text',
      output_columns: ['text', '__dj__stats__'],
      mem_required: '2GB',
      runtime_env: { pip: ['numpy'] },
      ray_execution_mode: 'task',
      num_proc: 2,
      some_future_key: 1,
    });
    expect(params).toMatchObject({ image_key: 'pictures', mem_required: '2GB', num_proc: 2, some_future_key: 1 });
  });

  it('reject a value of the wrong type, as Data-Juicer would fail on it', () => {
    expect(opParams({}).safeParse({ batch_size: 0 }).success).toBe(false);
    expect(opParams({}).safeParse({ ray_execution_mode: 'process' }).success).toBe(false);
  });
});
