import {
  anyOrAll,
  audioProbes,
  bound,
  defineMediaFilter,
  filterParams,
  MAXSIZE,
  makeRangeTest,
} from '@dj-sandbox/media';

/** `audio_duration_filter`: keeps samples whose audios last between `min_duration` and `max_duration` seconds. */
export const audioDurationFilter = defineMediaFilter({
  name: 'audio_duration_filter',
  description: "Keeps samples whose audios' durations (decoded samples / sample rate) are within the range.",
  plugin: 'ops-audio',
  media: 'audios',
  requires: ['ffprobe'],
  params: filterParams({
    min_duration: bound(0, 'The min audio duration to keep samples, in seconds.'),
    max_duration: bound(MAXSIZE, 'The max audio duration to keep samples, in seconds.'),
    any_or_all: anyOrAll,
  }),
  statKeys: ['audio_duration'],
  prepare(params) {
    const inRange = makeRangeTest(params.min_duration, params.max_duration, params);
    return {
      stats: async (path) => ({ audio_duration: (await audioProbes.get(path)).duration }),
      keepFile: (s) => inRange(s.audio_duration!),
    };
  },
});
