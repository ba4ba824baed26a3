import { defineOperator, definePlugin, operatorsPoint, type Sample, type StandardSchemaV1 } from '@dj-sandbox/core';

/** A tiny Standard Schema: fills defaults, checks number params, passes every other key through. */
function params<D extends Record<string, unknown>>(
  defaults: D,
  numbers: readonly string[] = [],
): StandardSchemaV1<unknown, D & { text_key?: string }> {
  type P = D & { text_key?: string };
  return {
    '~standard': {
      version: 1,
      vendor: 'test',
      validate(value) {
        const input = (value ?? {}) as Record<string, unknown>;
        const out: Record<string, unknown> = { ...defaults };
        for (const [k, v] of Object.entries(input)) if (v !== undefined && !(v === null && k in defaults)) out[k] = v;
        const issues = numbers
          .filter((k) => out[k] !== null && typeof out[k] !== 'number')
          .map((k) => ({ message: `expected a number, received ${JSON.stringify(out[k])}`, path: [k] }));
        return issues.length ? { issues } : { value: out as P };
      },
    },
  };
}

function keepInRange(value: number, p: Record<string, unknown>): boolean {
  const min = p.min as number | null;
  const max = p.max as number | null;
  const lo = min === null || (p.min_closed_interval === false ? value > min : value >= min);
  const hi = max === null || (p.max_closed_interval === false ? value < max : value <= max);
  return p.reversed_range === true ? !(lo && hi) : lo && hi;
}

const textOf = (s: Sample, key: unknown): string => String(s[String(key ?? 'text')] ?? '');

/** Stats `text_len` (code points); keeps samples with min ≤ text_len ≤ max. Throws on texts containing `BOOM`. */
export const textLenTestFilter = defineOperator({
  name: 'text_len_test_filter',
  kind: 'filter',
  description: 'Test filter on the code-point length of the text.',
  params: params({ min: 10 as number | null, max: null as number | null }, ['min']),
  statsKeys: () => ['text_len'],
  batched: true,
  create(p) {
    return {
      computeStats(samples) {
        for (const s of samples) {
          const text = textOf(s, p.text_key);
          if (text.includes('BOOM')) throw new Error('BOOM in text');
          const stats = s.__dj__stats__ as Record<string, unknown>;
          if (!('text_len' in stats)) stats.text_len = Array.from(text).length;
        }
      },
      keep: (s) => keepInRange((s.__dj__stats__ as { text_len: number }).text_len, p),
    };
  },
});

/** Stands in for `language_id_score_filter` (no fastText here): `lang` = zh when the text has CJK, else en. */
export const languageIdScoreFilter = defineOperator({
  name: 'language_id_score_filter',
  kind: 'filter',
  description: 'Test stand-in: CJK-share language guess.',
  params: params({ lang: '' as string | string[], min_score: 0.8 }, ['min_score']),
  statsKeys: () => ['lang', 'lang_score'],
  create(p) {
    return {
      computeStats(samples) {
        for (const s of samples) {
          const stats = s.__dj__stats__ as Record<string, unknown>;
          if ('lang' in stats) continue;
          const chars = Array.from(textOf(s, p.text_key));
          const cjk = chars.filter((c) => /\p{Script=Han}/u.test(c)).length;
          const share = chars.length ? cjk / chars.length : 0;
          stats.lang = share > 0.3 ? 'zh' : 'en';
          stats.lang_score = Math.round((share > 0.3 ? share : 1 - share) * 1e4) / 1e4;
        }
      },
      keep(s) {
        const stats = s.__dj__stats__ as { lang: string; lang_score: number };
        const langs = Array.isArray(p.lang) ? p.lang : p.lang ? [p.lang] : [];
        return (langs.length === 0 || langs.includes(stats.lang)) && stats.lang_score >= p.min_score;
      },
    };
  },
});

/** Upper-cases the text; with `rounds` > 0 burns CPU (rounds of hashing-like work) to test parallel speed-up. */
export const uppercaseTestMapper = defineOperator({
  name: 'uppercase_test_mapper',
  kind: 'mapper',
  description: 'Test mapper: upper-cases the text.',
  params: params({ rounds: 0 }, ['rounds']),
  batched: true,
  create(p) {
    return {
      processBatch(samples) {
        for (const s of samples) {
          const key = String(p.text_key ?? 'text');
          const text = textOf(s, key);
          let h = 0;
          for (let r = 0; r < p.rounds; r++)
            for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i) + r) | 0;
          s[key] = text.toUpperCase();
          if (p.rounds > 0) s.cpu_hash = h;
        }
        return samples;
      },
    };
  },
});

/** Exact dedup on the text (first occurrence kept). */
export const exactTestDeduplicator = defineOperator({
  name: 'exact_test_deduplicator',
  kind: 'deduplicator',
  description: 'Test deduplicator: exact text match.',
  params: params({}),
  create(p) {
    return {
      hashKeys: ['__dj__hash'],
      computeHash(samples) {
        for (const s of samples) s.__dj__hash = textOf(s, p.text_key);
      },
      selectUnique(records) {
        const seen = new Set<unknown>();
        const keep = new Set<number>();
        for (const r of records) {
          if (seen.has(r.hashes.__dj__hash)) continue;
          seen.add(r.hashes.__dj__hash);
          keep.add(r.index);
        }
        return (i) => keep.has(i);
      },
    };
  },
});

/** Keeps the `top` samples with the longest text, longest first. */
export const topLengthTestSelector = defineOperator({
  name: 'top_length_test_selector',
  kind: 'selector',
  description: 'Test selector: top-k by text length.',
  params: params({ top: 2 }, ['top']),
  create(p) {
    return {
      fields: [String(p.text_key ?? 'text')],
      select(rows) {
        return [...rows]
          .sort((a, b) => String(b.values[0]).length - String(a.values[0]).length || a.index - b.index)
          .slice(0, p.top)
          .map((r) => r.index);
      },
    };
  },
});

/** The test plugin: contributes the fixture operators. */
export default definePlugin({
  id: 'test-ops',
  version: '0.0.0',
  apiVersion: 1,
  register(reg) {
    reg.extend(
      operatorsPoint,
      textLenTestFilter,
      languageIdScoreFilter,
      uppercaseTestMapper,
      exactTestDeduplicator,
      topLengthTestSelector,
    );
  },
});
