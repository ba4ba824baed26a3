import {
  anyOrAll,
  bound,
  defineMediaFilter,
  filterParams,
  MAXSIZE,
  makeRangeTest,
  videoProbes,
} from '@dj-sandbox/media';
import { z } from 'zod';

/** `video_duration_filter`: keeps samples whose videos last between `min_duration` and `max_duration` seconds. */
export const videoDurationFilter = defineMediaFilter({
  name: 'video_duration_filter',
  description: "Keeps samples whose videos' durations (seconds, ffprobe's stream duration) are within the range.",
  plugin: 'ops-video',
  media: 'videos',
  requires: ['ffprobe'],
  params: filterParams({
    min_duration: bound(0, 'The min video duration to keep samples, in seconds.'),
    max_duration: bound(MAXSIZE, 'The max video duration to keep samples, in seconds.'),
    any_or_all: anyOrAll,
    video_backend: z
      .enum(['ffmpeg', 'av'])
      .default('ffmpeg')
      .describe('Video backend; both read the same metadata here.'),
  }),
  statKeys: ['video_duration'],
  prepare(params) {
    const inRange = makeRangeTest(params.min_duration, params.max_duration, params);
    return {
      stats: async (path) => ({ video_duration: (await videoProbes.get(path)).duration }),
      keepFile: (s) => inRange(s.video_duration!),
    };
  },
});
