import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { configError, defineOperator, jobError, type MapperInstance, type Sample } from '@dj-sandbox/core';
import {
  addSuffixToFilename,
  eocToken,
  opParams,
  producedPath,
  resolveMediaPath,
  runTool,
  SOURCE_FILE_KEY,
  videoProbes,
  videoToken,
} from '@dj-sandbox/media';
import { z } from 'zod';

const NAME = 'video_split_by_duration_mapper';

const params = opParams({
  split_duration: z.number().positive().default(10).describe('Duration of each split, in seconds.'),
  overlap_duration: z.number().min(0).default(0).describe('Overlap between consecutive splits, in seconds.'),
  min_last_split_duration: z.number().min(0).default(0).describe('The last split is dropped when shorter than this.'),
  keep_original_sample: z.boolean().default(true).describe('Keep the original sample before its split sample.'),
  save_dir: z.string().nullish().describe('Folder for the split files (default: next to the inputs).'),
  video_backend: z.enum(['ffmpeg', 'av']).default('ffmpeg'),
  ffmpeg_extra_args: z.string().default('').describe('Extra ffmpeg arguments, split like a shell would.'),
  output_format: z.enum(['path', 'bytes']).default('path'),
  save_field: z.string().nullish().describe('Field for the split paths (default: the video field itself).'),
  legacy_split_by_text_token: z.boolean().default(true).describe('Rewrite the text placeholders chunk by chunk.'),
});

type Params = z.output<typeof params>;

/** Splits `"-a 'b c'"` the way Python's `shlex.split` does for the simple quoting recipes use. */
function shellSplit(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Clip start times: numpy's `arange(0, duration, step)`. */
function startTimes(duration: number, step: number): number[] {
  const count = Math.ceil(duration / step);
  return Array.from({ length: count }, (_, i) => i * step);
}

/** Writes one clip with Data-Juicer's stream-copy command, under a temporary name renamed when complete. */
async function extractClip(source: string, start: number, end: number | null, out: string, extra: string[]) {
  const partial = join(dirname(out), `.partial-${process.pid}-${basename(out)}`);
  const args = ['-y', '-ss', String(start), '-i', source];
  if (end !== null) args.push('-t', String(end - start));
  args.push('-c', 'copy', '-f', 'mp4', ...extra, partial);
  try {
    await runTool('ffmpeg', args, { plugin: 'ops-video' });
    await rename(partial, out);
    return true;
  } catch {
    // Data-Juicer skips a clip that ffmpeg fails to write; so do we.
    await rm(partial, { force: true });
    return false;
  }
}

/** Splits one video: the original path when it is no longer than one split, else the written clip paths. */
async function splitVideo(path: string, p: Params, hashParams: Record<string, unknown>): Promise<string[]> {
  const { duration } = await videoProbes.get(path);
  if (duration <= p.split_duration) return [path];
  const base = producedPath(path, NAME, p.save_dir, hashParams);
  const extra = p.video_backend === 'ffmpeg' && p.ffmpeg_extra_args ? shellSplit(p.ffmpeg_extra_args) : [];
  const clips: string[] = [];
  for (const start of startTimes(duration, p.split_duration - p.overlap_duration)) {
    const end = start + p.split_duration;
    const last = end >= duration;
    if (last && duration - start < p.min_last_split_duration) break;
    const out = addSuffixToFilename(base, `_${clips.length}`);
    if (await extractClip(path, start, last ? null : end, out, extra)) clips.push(out);
    if (last) break;
  }
  return clips;
}

function tooManyPlaceholders(placeholders: number, videos: number, textKey: string) {
  return jobError('video-placeholders-mismatch', `${NAME}: the text names more videos than the sample has`, {
    plugin: 'ops-video',
    path: textKey,
    expected: `at most ${videos} video placeholder(s)`,
    received: `${placeholders} placeholder(s)`,
    fix: 'fix the sample, or set legacy_split_by_text_token: false to split the video list without reading the text',
  });
}

/** Replaces the i-th occurrence of `token` in `text` with `replacements[i]`. */
function replaceOccurrences(text: string, token: string, replacements: readonly string[]): string {
  const parts = text.split(token);
  return parts.reduce((acc, part, i) => (i === 0 ? part : acc + (replacements[i - 1] ?? '') + part), '');
}

/**
 * `video_split_by_duration_mapper`: cuts each video into `split_duration`-second clips (stream copy, so cuts fall on
 * key frames as with Data-Juicer) and emits one sample holding the clips after the original (unless
 * `keep_original_sample` is false). The text's video placeholders are repeated once per clip.
 */
export const videoSplitByDurationMapper = defineOperator<'mapper', Params>({
  name: NAME,
  kind: 'mapper',
  description: 'Splits videos into clips of split_duration seconds, one new sample holding the clips.',
  params,
  requires: ['ffmpeg', 'ffprobe'],
  batched: true,
  create(p, env): MapperInstance {
    if (p.overlap_duration >= p.split_duration) {
      throw configError('op-param-invalid', `${NAME}: overlap_duration must be less than split_duration`, {
        path: `${NAME}.overlap_duration`,
        expected: `a number below split_duration (${p.split_duration})`,
        received: p.overlap_duration,
        fix: 'lower overlap_duration or raise split_duration',
      });
    }
    if (p.output_format === 'bytes') {
      throw configError('op-param-unsupported', `${NAME}: output_format 'bytes' is not supported by dj-sandbox`, {
        path: `${NAME}.output_format`,
        expected: "'path'",
        received: 'bytes',
        fix: 'use output_format: path, or run this op on the Python engine (engine: data-juicer)',
      });
    }
    const { save_dir: _saveDir, ...hashParams } = p;
    const videoKey = p.video_key;
    const textKey = p.text_key;

    async function splitSample(sample: Sample): Promise<Sample | null> {
      const videos = sample[videoKey];
      if (!Array.isArray(videos) || videos.length === 0) {
        sample[SOURCE_FILE_KEY] = [];
        return null;
      }
      const paths = (videos as string[]).map((v) => resolveMediaPath(v, env.datasetDir));
      const existing = sample[SOURCE_FILE_KEY];
      if (!Array.isArray(existing) || existing.length === 0) sample[SOURCE_FILE_KEY] = videos;
      const split: Sample = structuredClone(sample);
      split[textKey] = '';
      const sources: string[] = [];
      const clips: string[] = [];
      if (p.legacy_split_by_text_token) {
        const token = videoToken();
        const eoc = eocToken();
        let offset = 0;
        let text = '';
        for (const chunk of String(sample[textKey] ?? '').split(eoc)) {
          if (!chunk.trim()) continue;
          const count = chunk.split(token).length - 1;
          const placeholders: string[] = [];
          if (offset + count > paths.length) throw tooManyPlaceholders(offset + count, paths.length, textKey);
          for (let i = offset; i < offset + count; i++) {
            const made = await splitVideo(paths[i]!, p, hashParams);
            sources.push(...made.map(() => (videos as string[])[i]!));
            clips.push(...made);
            placeholders.push(token.repeat(made.length));
          }
          text += `${replaceOccurrences(chunk, token, placeholders)}${eoc}`;
          offset += count;
        }
        split[textKey] = text;
      } else {
        for (let i = 0; i < paths.length; i++) {
          const made = await splitVideo(paths[i]!, p, hashParams);
          sources.push(...made.map(() => (videos as string[])[i]!));
          clips.push(...made);
        }
      }
      split[SOURCE_FILE_KEY] = sources;
      split[p.save_field ?? videoKey] = clips;
      return split;
    }

    return {
      async processBatch(samples: Sample[]): Promise<Sample[]> {
        const out: Sample[] = [];
        for (const sample of samples) {
          if (p.keep_original_sample) out.push(sample);
          const split = await splitSample(sample);
          if (split) out.push(split);
        }
        return out;
      },
    };
  },
});
