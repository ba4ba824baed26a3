import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';

/** The languages Data-Juicer maps to NLTK punkt models. */
const LANGS = ['en', 'fr', 'pt', 'es'] as const;

// Punkt learns abbreviations from data; ICU does not know them. These common ones (lower-cased, without the final
// period) keep "Mr. Smith" or "p. ex. ceci" in one sentence, as punkt does.
const ABBREVIATIONS: Record<(typeof LANGS)[number], readonly string[]> = {
  en: [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'sr',
    'jr',
    'st',
    'vs',
    'etc',
    'e.g',
    'i.e',
    'inc',
    'ltd',
    'co',
    'corp',
    'no',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'gen',
    'gov',
    'sen',
    'rep',
    'rev',
    'u.s',
    'u.k',
    'a.m',
    'p.m',
  ],
  fr: ['m', 'mm', 'mme', 'mlle', 'dr', 'p. ex', 'ex', 'etc', 'cf', 'av', 'bd', 'st', 'ste', 'n°', 'no', 'env', 'p'],
  pt: ['sr', 'sra', 'srta', 'dr', 'dra', 'prof', 'etc', 'ex', 'av', 'p', 'pág', 'nº', 'no', 'art', 'cap'],
  es: [
    'sr',
    'sra',
    'srta',
    'dr',
    'dra',
    'ud',
    'uds',
    'etc',
    'ej',
    'p. ej',
    'av',
    'pág',
    'núm',
    'no',
    'art',
    'cap',
    'ee.uu',
  ],
};

const params = opParams({ lang: z.enum(LANGS).default('en') });

/** Splits a text into sentences (ICU sentence breaks, merged after known abbreviations and initials). */
export function splitSentences(text: string, lang: (typeof LANGS)[number]): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const abbreviations = new Set(ABBREVIATIONS[lang]);
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text)) {
    pending += segment;
    const trimmed = pending.trimEnd();
    const m = /(?:^|\s)(\S+)\.$/u.exec(trimmed);
    const lastWord = m?.[1]?.toLowerCase();
    // An abbreviation or a single-letter initial before the period does not end a sentence.
    if (lastWord !== undefined && (abbreviations.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    if (trimmed.trim().length > 0) out.push(trimmed.trim());
    pending = '';
  }
  if (pending.trim().length > 0) out.push(pending.trim());
  return out;
}

/**
 * `sentence_split_mapper`: replaces the text by its sentences joined with `\n` (docs/text-operators.md#mappers).
 * Data-Juicer uses NLTK punkt models; this port uses the ICU sentence segmenter of `Intl.Segmenter` plus a short
 * abbreviation list, so boundaries can differ on rare abbreviations and around line breaks (see
 * packages/ops-text/docs/mappers-and-deduplicators.md).
 */
export const sentenceSplitMapper = defineTextMapper<z.output<typeof params>>({
  name: 'sentence_split_mapper',
  description: 'Splits the text into sentences, one per line.',
  params,
  transform: (p) => (text) => splitSentences(text, p.lang).join('\n'),
});
