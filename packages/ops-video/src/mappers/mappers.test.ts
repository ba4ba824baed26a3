import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Sample } from '@dj-sandbox/core';
import { ffmpegMissingReason, probeVideo } from '@dj-sandbox/media';
import { afterAll, describe, expect, it } from 'vitest';
import { createOp, goldens, MEDIA_DIR, media, shape } from '../test-helpers/fixtures.ts';
import { targetSize, videoResizeResolutionMapper } from './video-resize-resolution-mapper.ts';
import { videoSplitByDurationMapper } from './video-split-by-duration-mapper.ts';

const FFMPEG_MISSING = ffmpegMissingReason();
const needsFfmpeg = (name: string, fn: () => void) =>
  describe.skipIf(FFMPEG_MISSING !== null)(FFMPEG_MISSING ? `${name} (skipped: ${FFMPEG_MISSING})` : name, fn);

const work = mkdtempSync(join(tmpdir(), 'ops-video-mappers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** ffprobe durations are microsecond-rounded strings; Data-Juicer reports them as they are. */
const clipsOf = async (paths: string[]) =>
  Promise.all(
    paths
      .filter((p) => p.includes('__dj_hash_#'))
      .map(async (p) => {
        const m = await probeVideo(p);
        return { duration: m.duration, width: m.width, height: m.height };
      }),
  );

needsFfmpeg('video_split_by_duration_mapper against Data-Juicer 1.6.1', () => {
  goldens.video_split_by_duration_mapper.forEach((golden, i) => {
    it(`splits ${golden.videos.join(', ')} with ${JSON.stringify(golden.params)} into the same samples and clips`, async () => {
      const saveDir = join(work, `split-${i}`);
      const mapper = await createOp<'mapper'>(videoSplitByDurationMapper, { ...golden.params, save_dir: saveDir });
      const out = await mapper.processBatch([
        { text: golden.text, videos: golden.videos.map(media), __dj__stats__: {} },
      ]);
      const field = (golden.params.save_field as string | undefined) ?? 'videos';
      expect(
        out.map((s) => ({
          text: s.text,
          videos: (s.videos as string[]).map(shape),
          ...(field !== 'videos' ? { [field]: (s[field] as string[]).map(shape) } : {}),
          source_file: (s.__dj__source_file__ as string[]).map((p) => basename(p)),
        })),
      ).toEqual(golden.rows.map(({ clip_probes: _probes, ...row }) => row));
      for (const [j, sample] of out.entries()) {
        expect(await clipsOf(sample[field] as string[])).toEqual(golden.rows[j]!.clip_probes);
      }
      expect(readdirSync(saveDir).filter((f) => f.startsWith('.partial'))).toEqual([]);
    });
  });

  it('writes the same clip names on a rerun with the same parameters, so a rerun reuses them', async () => {
    const run = async () => {
      const mapper = await createOp<'mapper'>(videoSplitByDurationMapper, { save_dir: join(work, 'rerun') });
      const [, split] = await mapper.processBatch([{ text: '<__dj__video>', videos: [media('video4.mp4')] }]);
      return split!.videos;
    };
    expect(await run()).toEqual(await run());
  });

  it('refuses an overlap that is not shorter than the split', async () => {
    await expect(createOp(videoSplitByDurationMapper, { split_duration: 5, overlap_duration: 5 })).rejects.toThrow(
      /overlap_duration must be less than split_duration/,
    );
  });

  it('fails naming the op when the text has more video placeholders than the sample has videos', async () => {
    const mapper = await createOp<'mapper'>(videoSplitByDurationMapper);
    await expect(
      mapper.processBatch([{ text: '<__dj__video><__dj__video>', videos: [media('video1.mp4')] }]),
    ).rejects.toThrow(/the text names more videos than the sample has/);
  });

  it('marks a sample without videos with an empty source list and adds no split sample', async () => {
    const mapper = await createOp<'mapper'>(videoSplitByDurationMapper);
    const sample: Sample = { text: 'no video', videos: [] };
    expect(await mapper.processBatch([sample])).toEqual([{ text: 'no video', videos: [], __dj__source_file__: [] }]);
  });
});

needsFfmpeg('video_resize_resolution_mapper against Data-Juicer 1.6.1', () => {
  for (const golden of goldens.video_resize_resolution_mapper) {
    it(`computes Data-Juicer's target sizes for ${JSON.stringify(golden.params)}`, async () => {
      const p = (await videoResizeResolutionMapper.params['~standard'].validate(golden.params)) as {
        value: Parameters<typeof targetSize>[2];
      };
      const mode = String(golden.params.force_original_aspect_ratio ?? 'disable');
      const sizes = await Promise.all(
        golden.rows.map(async (r) => {
          const { width, height } = await probeVideo(media(r.video));
          return targetSize(width, height, p.value, mode) ?? [width, height];
        }),
      );
      expect(sizes).toEqual(golden.rows.map((r) => [r.width, r.height]));
    });
  }

  it('writes the resized video with the size and name Data-Juicer gives it, keeping the original as its source', async () => {
    const golden = goldens.video_resize_resolution_mapper[0]!;
    const row = golden.rows[0]!;
    const saveDir = join(work, 'resize');
    const mapper = await createOp<'mapper'>(videoResizeResolutionMapper, { ...golden.params, save_dir: saveDir });
    const [sample] = await mapper.processBatch([{ text: '', videos: [media(row.video)] }]);
    const written = (sample!.videos as string[])[0]!;
    const { width, height } = await probeVideo(written);
    expect({ output: shape(written), width, height }).toEqual({
      output: row.output,
      width: row.width,
      height: row.height,
    });
    // Data-Juicer aliases its source list to the video list, so its source entry shows the resized file; ours keeps
    // the original, which is what the field is for (docs/media-operators.md).
    expect(sample!.__dj__source_file__).toEqual([media(row.video)]);
    expect(readdirSync(saveDir)).toEqual([basename(written)]);
  });

  it('leaves a video that already fits untouched', async () => {
    const mapper = await createOp<'mapper'>(videoResizeResolutionMapper, { max_width: 1000 }, MEDIA_DIR);
    const [sample] = await mapper.processBatch([{ text: '', videos: ['video1.mp4'] }]);
    expect(sample!.videos).toEqual(['video1.mp4']);
  });

  it('rounds half to even, as Python does, when fitting a side to force_divisible_by', () => {
    const p = { min_width: 1, max_width: 1e9, min_height: 1, max_height: 50, force_divisible_by: 2 } as never;
    // 250x100 capped at height 50 keeps the ratio at width 125: 125 / 2 = 62.5 rounds to 62, not 63.
    expect(targetSize(250, 100, p, 'decrease')).toEqual([124, 50]);
  });

  it('refuses an odd force_divisible_by when the aspect ratio is kept', async () => {
    await expect(
      createOp(videoResizeResolutionMapper, { force_original_aspect_ratio: 'increase', force_divisible_by: 3 }),
    ).rejects.toThrow(/force_divisible_by must be a positive even number/);
  });
});
