import * as OpenCC from 'opencc-js';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';

/** Data-Juicer's OpenCC config names and the opencc-js locales that implement them. */
export const CHINESE_CONVERT_MODES = {
  s2t: ['cn', 't'],
  t2s: ['t', 'cn'],
  s2tw: ['cn', 'tw'],
  tw2s: ['tw', 'cn'],
  s2hk: ['cn', 'hk'],
  hk2s: ['hk', 'cn'],
  s2twp: ['cn', 'twp'],
  tw2sp: ['twp', 'cn'],
  t2tw: ['t', 'tw'],
  tw2t: ['tw', 't'],
  hk2t: ['hk', 't'],
  t2hk: ['t', 'hk'],
  t2jp: ['t', 'jp'],
  jp2t: ['jp', 't'],
} as const;

type Mode = keyof typeof CHINESE_CONVERT_MODES;
const MODES = Object.keys(CHINESE_CONVERT_MODES) as [Mode, ...Mode[]];

const params = opParams({ mode: z.enum(MODES).default('s2t') });

/**
 * `chinese_convert_mapper`: converts between Simplified, Traditional (Taiwan, Hong Kong) Chinese and Japanese
 * Shinjitai with OpenCC's dictionaries (opencc-js; spec §4.2).
 */
export const chineseConvertMapper = defineTextMapper<z.output<typeof params>>({
  name: 'chinese_convert_mapper',
  description: 'Converts Chinese text between Simplified, Traditional and Japanese Kanji variants (OpenCC).',
  params,
  requires: ['opencc-js dictionaries (bundled)'],
  transform: (p) => {
    const [from, to] = CHINESE_CONVERT_MODES[p.mode];
    return OpenCC.Converter({ from, to });
  },
});
