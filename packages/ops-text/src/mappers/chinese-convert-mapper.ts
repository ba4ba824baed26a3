import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { openccConverter } from './internal/opencc-1.1.9.ts';

/** Data-Juicer's OpenCC config names (OpenCC 1.1.9's configs of the same names). */
export const CHINESE_CONVERT_MODES = [
  's2t',
  't2s',
  's2tw',
  'tw2s',
  's2hk',
  'hk2s',
  's2twp',
  'tw2sp',
  't2tw',
  'tw2t',
  'hk2t',
  't2hk',
  't2jp',
  'jp2t',
] as const;

const params = opParams({ mode: z.enum(CHINESE_CONVERT_MODES).default('s2t') });

/**
 * `chinese_convert_mapper`: converts between Simplified, Traditional (Taiwan, Hong Kong) Chinese and Japanese
 * Shinjitai with the dictionaries of OpenCC 1.1.9, the version Data-Juicer pins (see docs/differences-from-reference.md).
 */
export const chineseConvertMapper = defineTextMapper<z.output<typeof params>>({
  name: 'chinese_convert_mapper',
  description: 'Converts Chinese text between Simplified, Traditional and Japanese Kanji variants (OpenCC).',
  params,
  requires: ['OpenCC 1.1.9 dictionaries (bundled)'],
  transform: (p) => openccConverter(p.mode),
});
