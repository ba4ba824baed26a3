import type { FilterInstance, Sample } from '@dj-sandbox/core';
import { ffmpegMissingReason } from '@dj-sandbox/media';
import { describe, expect, it } from 'vitest';
import { createOp, goldens, MEDIA_DIR, media } from '../test-helpers/fixtures.ts';
import { filters } from './index.ts';

const FFMPEG_MISSING = ffmpegMissingReason();
const needsFfmpeg = (name: string, fn: () => void) =>
  describe.skipIf(FFMPEG_MISSING !== null)(FFMPEG_MISSING ? `${name} (skipped: ${FFMPEG_MISSING})` : name, fn);

const byName = new Map(filters.map((op) => [op.name, op]));

needsFfmpeg('video filters against Data-Juicer 1.6.1', () => {
  for (const golden of goldens.filters) {
    it(`${golden.op} ${JSON.stringify(golden.params)} writes Data-Juicer's stats and keep decisions`, async () => {
      const filter = await createOp<'filter'>(byName.get(golden.op)!, golden.params);
      const samples: Sample[] = golden.rows.map((r) => ({ text: '', videos: r.videos.map(media), __dj__stats__: {} }));
      await filter.computeStats(samples);
      expect(samples.map((s) => s.__dj__stats__)).toEqual(golden.rows.map((r) => r.stats));
      expect(samples.map((s) => filter.keep(s))).toEqual(golden.rows.map((r) => r.keep));
    });
  }
});

needsFfmpeg('video filters on samples Data-Juicer also accepts', () => {
  it('resolve relative video paths against the dataset folder', async () => {
    const filter = (await createOp<'filter'>(byName.get('video_duration_filter')!, {}, MEDIA_DIR)) as FilterInstance;
    const sample: Sample = { videos: ['video1.mp4'], __dj__stats__: {} };
    await filter.computeStats([sample]);
    expect(sample.__dj__stats__).toEqual({ video_duration: [11.75] });
  });

  it('keep a stat that is already present instead of probing again', async () => {
    const filter = await createOp<'filter'>(byName.get('video_duration_filter')!, { max_duration: 5 });
    const sample: Sample = { videos: ['/no/such/video.mp4'], __dj__stats__: { video_duration: [3] } };
    await filter.computeStats([sample]);
    expect(sample.__dj__stats__).toEqual({ video_duration: [3] });
    expect(filter.keep(sample)).toBe(true);
  });

  it('read the videos from video_key', async () => {
    const filter = await createOp<'filter'>(byName.get('video_resolution_filter')!, { video_key: 'clips' });
    const sample: Sample = { clips: [media('video5.mp4')], __dj__stats__: {} };
    await filter.computeStats([sample]);
    expect(sample.__dj__stats__).toEqual({ video_width: [362], video_height: [640] });
  });

  it('reject an aspect ratio bound that is not a ratio, naming the parameter', async () => {
    await expect(createOp(byName.get('video_aspect_ratio_filter')!, { min_ratio: 'wide' })).rejects.toThrow(
      /min_ratio is not a ratio/,
    );
  });

  it('fail with the file named when a video cannot be probed', async () => {
    const filter = await createOp<'filter'>(byName.get('video_duration_filter')!);
    await expect(filter.computeStats([{ videos: [media('missing.mp4')], __dj__stats__: {} }])).rejects.toThrow(
      /ffprobe exited with code 1/,
    );
  });
});
