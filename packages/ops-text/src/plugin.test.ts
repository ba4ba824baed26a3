import { describe, expect, it } from 'vitest';
import { filters } from './filters/index.ts';
import { textOperators } from './plugin.ts';
import { selectors } from './selectors/index.ts';

describe('ops-text operators', () => {
  it('contributes every Data-Juicer text filter and selector of the spec, once each', () => {
    const names = [...filters, ...selectors].map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['language_id_score_filter', 'perplexity_filter', 'random_selector']));
    expect(filters).toHaveLength(18);
    expect(selectors).toHaveLength(4);
    for (const op of [...filters, ...selectors]) expect(textOperators).toContain(op);
  });

  it('accepts an expanded Data-Juicer op entry with the common keys for every filter', async () => {
    const common = {
      text_key: 'text',
      num_proc: 4,
      batch_size: 1000,
      accelerator: 'cpu',
      skip_op_error: true,
      work_dir: '/tmp/x',
      stats_export_path: null,
      min_closed_interval: true,
      max_closed_interval: true,
      reversed_range: false,
      turbo: false,
      index_key: null,
    };
    for (const op of filters) {
      const result = await op.params['~standard'].validate(common);
      expect(result.issues, op.name).toBeUndefined();
      expect(op.description.length, op.name).toBeGreaterThan(20);
      const keys = op.statsKeys?.(('value' in result ? result.value : {}) as never) ?? [];
      expect(Array.isArray(keys)).toBe(true);
    }
  });

  it('rejects a bad parameter type with the parameter path', async () => {
    const textLength = filters.find((op) => op.name === 'text_length_filter')!;
    const result = await textLength.params['~standard'].validate({ min_len: 'ten' });
    expect(result.issues?.[0]?.path).toEqual(['min_len']);
  });
});

describe('declared parameter types', () => {
  it("declares Data-Juicer's int length and count bounds as integers, so k-sigma refinement rounds them", () => {
    const integerParams = (name: string) => {
      const op = textOperators.find((o) => o.name === name)!;
      const schema = (
        op.params as unknown as { toJSONSchema(o: object): { properties: Record<string, object> } }
      ).toJSONSchema({ io: 'input', unrepresentable: 'any' });
      return Object.entries(schema.properties)
        .filter(([, node]) => JSON.stringify(node).includes('"type":"integer"'))
        .map(([key]) => key);
    };
    expect(integerParams('text_length_filter')).toEqual(expect.arrayContaining(['min_len', 'max_len']));
    expect(integerParams('words_num_filter')).toEqual(expect.arrayContaining(['min_num', 'max_num']));
    expect(integerParams('average_line_length_filter')).toEqual(expect.arrayContaining(['min_len', 'max_len']));
    expect(integerParams('special_characters_filter')).not.toContain('max_ratio');
  });
});
