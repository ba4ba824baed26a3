import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { configError, defineOperator, type MapperInstance, type Sample } from '@dj-sandbox/core';
import {
  MAXSIZE,
  opParams,
  producedPath,
  pyRound,
  resolveMediaPath,
  runTool,
  SOURCE_FILE_KEY,
  videoProbes,
} from '@dj-sandbox/media';
import { z } from 'zod';

const NAME = 'video_resize_resolution_mapper';

const params = opParams({
  min_width: z.number().int().default(1).describe('Narrower videos are scaled up to at least this width.'),
  max_width: z.number().int().default(MAXSIZE).describe('Wider videos are scaled down to at most this width.'),
  min_height: z.number().int().default(1).describe('Lower videos are scaled up to at least this height.'),
  max_height: z.number().int().default(MAXSIZE).describe('Higher videos are scaled down to at most this height.'),
  force_original_aspect_ratio: z
    .string()
    .default('disable')
    .describe("Keep the original aspect ratio: 'disable', 'decrease' or 'increase'."),
  force_divisible_by: z.number().int().positive().default(2).describe('Output sides are multiples of this.'),
  save_dir: z.string().nullish().describe('Folder for the resized files (default: next to the inputs).'),
});

type Params = z.output<typeof params>;

/** The target size Data-Juicer computes for a `width`×`height` video, or null when it already fits. */
export function targetSize(width: number, height: number, p: Params, mode: string): [number, number] | null {
  if (width >= p.min_width && width <= p.max_width && height >= p.min_height && height <= p.max_height) return null;
  const ratio = width / height;
  let w = width;
  let h = height;
  if (w < p.min_width) [h, w] = [p.min_width / ratio, p.min_width];
  if (w > p.max_width) [h, w] = [p.max_width / ratio, p.max_width];
  if (h < p.min_height) [w, h] = [p.min_height * ratio, p.min_height];
  if (h > p.max_height) [w, h] = [p.max_height * ratio, p.max_height];
  const d = mode === 'disable' ? 2 : p.force_divisible_by;
  const fit = (v: number, lo: number, hi: number) => {
    let x = Math.trunc(Math.max(v, lo));
    x = Math.ceil(x / d) * d;
    x = Math.trunc(Math.min(x, hi));
    return Math.trunc(x / d) * d;
  };
  w = fit(w, p.min_width, p.max_width);
  h = fit(h, p.min_height, p.max_height);
  if (mode === 'increase') {
    if (w / h < ratio) w = h * ratio;
    else if (w / h > ratio) h = w / ratio;
  } else if (mode === 'decrease') {
    if (w / h < ratio) h = w / ratio;
    else if (w / h > ratio) w = h * ratio;
  }
  return [pyRound(w / d) * d, pyRound(h / d) * d];
}

/**
 * `video_resize_resolution_mapper`: scales videos outside the width/height limits to fit them, with ffmpeg's `scale`
 * filter and the same command Data-Juicer builds through ffmpeg-python (video stream only, as there).
 */
export const videoResizeResolutionMapper = defineOperator<'mapper', Params>({
  name: NAME,
  kind: 'mapper',
  description: 'Resizes videos whose width or height is outside the limits, optionally keeping the aspect ratio.',
  params,
  requires: ['ffmpeg', 'ffprobe'],
  batched: false,
  create(p, env): MapperInstance {
    const mode = p.force_original_aspect_ratio.toLowerCase();
    if (!['disable', 'decrease', 'increase'].includes(mode)) {
      throw configError('op-param-invalid', `${NAME}: force_original_aspect_ratio [${mode}] is not supported`, {
        path: `${NAME}.force_original_aspect_ratio`,
        expected: "one of 'disable', 'decrease', 'increase'",
        received: p.force_original_aspect_ratio,
        fix: 'pick one of the three modes',
      });
    }
    if ((p.force_divisible_by <= 1 || p.force_divisible_by % 2 === 1) && mode !== 'disable') {
      throw configError('op-param-invalid', `${NAME}: force_divisible_by must be a positive even number`, {
        path: `${NAME}.force_divisible_by`,
        expected: 'a positive even number',
        received: p.force_divisible_by,
        fix: 'use 2, 4, 8, ...',
      });
    }
    const { save_dir: _saveDir, ...hashParams } = p;

    async function resize(source: string): Promise<string> {
      const { width, height } = await videoProbes.get(source);
      const size = targetSize(width, height, p, mode);
      if (!size) return source;
      const out = producedPath(source, NAME, p.save_dir, hashParams);
      if (existsSync(out)) return out;
      const partial = join(dirname(out), `.partial-${process.pid}-${basename(out)}`);
      const filter = `[0]scale=height=${size[1]}:width=${size[0]}[s0]`;
      try {
        await runTool(
          'ffmpeg',
          ['-i', source, '-filter_complex', filter, '-map', '[s0]', partial, '-nostdin', '-v', 'quiet', '-y'],
          { plugin: 'ops-video' },
        );
        await rename(partial, out);
      } finally {
        await rm(partial, { force: true });
      }
      return out;
    }

    return {
      async processBatch(samples: Sample[]): Promise<Sample[]> {
        for (const sample of samples) {
          const videos = sample[p.video_key];
          if (!Array.isArray(videos) || videos.length === 0) {
            sample[SOURCE_FILE_KEY] = [];
            continue;
          }
          const existing = sample[SOURCE_FILE_KEY];
          if (!Array.isArray(existing) || existing.length === 0) sample[SOURCE_FILE_KEY] = [...videos];
          const resized: string[] = [];
          for (const video of videos as string[]) resized.push(await resize(resolveMediaPath(video, env.datasetDir)));
          // Unchanged videos keep the path as written; resized ones get the produced file's path.
          sample[p.video_key] = resized.map((r, i) =>
            r === resolveMediaPath((videos as string[])[i]!, env.datasetDir) ? (videos as string[])[i]! : r,
          );
        }
        return samples;
      },
    };
  },
});
