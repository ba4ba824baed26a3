import { configError } from '@dj-sandbox/core';
import {
  anyOrAll,
  compareToFraction,
  defineMediaFilter,
  type Fraction,
  filterParams,
  makeRangeTest,
  parseFraction,
  videoProbes,
} from '@dj-sandbox/media';
import { z } from 'zod';

const ratio = (defaultValue: string, description: string) =>
  z.union([z.string(), z.number()]).default(defaultValue).describe(description);

function fractionParam(name: string, value: string | number): Fraction {
  const parsed = parseFraction(value);
  if (parsed) return parsed;
  throw configError('op-param-invalid', `video_aspect_ratio_filter: ${name} is not a ratio`, {
    path: `video_aspect_ratio_filter.${name}`,
    expected: 'a ratio such as "9/21" or "9:21"',
    received: String(value),
    fix: `write ${name} as "W/H" or "W:H"`,
  });
}

/** `video_aspect_ratio_filter`: keeps samples whose videos' W/H lies between two exact ratios. */
export const videoAspectRatioFilter = defineMediaFilter({
  name: 'video_aspect_ratio_filter',
  description: "Keeps samples whose videos' aspect ratios (width / height) are within [min_ratio, max_ratio].",
  plugin: 'ops-video',
  media: 'videos',
  requires: ['ffprobe'],
  params: filterParams({
    min_ratio: ratio('9/21', 'The minimum aspect ratio, e.g. "9:21" or "9/21".'),
    max_ratio: ratio('21/9', 'The maximum aspect ratio, e.g. "21:9" or "21/9".'),
    any_or_all: anyOrAll,
  }),
  statKeys: ['video_aspect_ratios'],
  prepare(params) {
    // Data-Juicer holds the bounds as Fractions and compares the float ratio with them exactly.
    const inRange = makeRangeTest<Fraction>(
      fractionParam('min_ratio', params.min_ratio),
      fractionParam('max_ratio', params.max_ratio),
      params,
      compareToFraction,
    );
    return {
      async stats(path) {
        const { width, height } = await videoProbes.get(path);
        return { video_aspect_ratios: width / height };
      },
      keepFile: (s) => inRange(s.video_aspect_ratios!),
    };
  },
});
