import { stat } from 'node:fs/promises';
import { anyOrAll, defineMediaFilter, filterParams, makeRangeTest } from '@dj-sandbox/media';
import { z } from 'zod';
import { sizeToBytes } from './size-to-bytes.ts';

const size = (defaultValue: string, description: string) =>
  z.union([z.string(), z.number()]).default(defaultValue).describe(description);

/** `audio_size_filter`: keeps samples whose audio files' sizes in bytes are within `[min_size, max_size]`. */
export const audioSizeFilter = defineMediaFilter({
  name: 'audio_size_filter',
  description: "Keeps samples whose audio files' sizes (bytes on disk) are within [min_size, max_size].",
  plugin: 'ops-audio',
  media: 'audios',
  params: filterParams({
    min_size: size('0', 'The min audio file size, e.g. "0" or "512KB".'),
    max_size: size('1TB', 'The max audio file size, e.g. "10MB" or "1TB".'),
    any_or_all: anyOrAll,
  }),
  statKeys: ['audio_sizes'],
  prepare(params) {
    const inRange = makeRangeTest(
      sizeToBytes(params.min_size, 'min_size'),
      sizeToBytes(params.max_size, 'max_size'),
      params,
    );
    return {
      stats: async (path) => ({ audio_sizes: (await stat(path)).size }),
      keepFile: (s) => inRange(s.audio_sizes!),
    };
  },
});
