import {
  anyOrAll,
  bound,
  defineMediaFilter,
  filterParams,
  MAXSIZE,
  makeRangeTest,
  videoProbes,
} from '@dj-sandbox/media';

/** `video_resolution_filter`: keeps samples whose videos' width and height are both within their ranges. */
export const videoResolutionFilter = defineMediaFilter({
  name: 'video_resolution_filter',
  description: "Keeps samples whose videos' widths and heights (first video stream) are within the ranges.",
  plugin: 'ops-video',
  media: 'videos',
  requires: ['ffprobe'],
  params: filterParams({
    min_width: bound(1, 'The min horizontal resolution.'),
    max_width: bound(MAXSIZE, 'The max horizontal resolution.'),
    min_height: bound(1, 'The min vertical resolution.'),
    max_height: bound(MAXSIZE, 'The max vertical resolution.'),
    any_or_all: anyOrAll,
  }),
  statKeys: ['video_width', 'video_height'],
  prepare(params) {
    const widthOk = makeRangeTest(params.min_width, params.max_width, params);
    const heightOk = makeRangeTest(params.min_height, params.max_height, params);
    return {
      async stats(path) {
        const { width, height } = await videoProbes.get(path);
        return { video_width: width, video_height: height };
      },
      keepFile: (s) => widthOk(s.video_width!) && heightOk(s.video_height!),
    };
  },
});
