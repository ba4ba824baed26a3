import { pluginError } from '@dj-sandbox/core';
import { ProbeCache } from './probe-cache.ts';
import { runTool } from './run-tool.ts';

/** What Data-Juicer's FFmpeg video reader reports about a video's first stream. */
export interface VideoMetadata {
  /** Seconds: the stream's duration, else the container's (Data-Juicer's fallback order). */
  readonly duration: number;
  /** Frames per second from `avg_frame_rate`; 0 when unknown. */
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  /** `nb_frames`, else `round(duration * fps)`. */
  readonly numFrames: number;
}

interface FfprobeVideoJson {
  streams?: Array<{ duration?: string; avg_frame_rate?: string; width?: number; height?: number; nb_frames?: string }>;
  format?: { duration?: string };
}

/** Parses `"24/1"`, `"30000/1001"` or `"25"` the way Data-Juicer does (a zero denominator gives 0). */
export function parseFrameRate(rate: string | undefined): number {
  if (!rate) return 0;
  if (rate.includes('/')) {
    const [num, den] = rate.split('/').map(Number) as [number, number];
    return den !== 0 ? num / den : 0;
  }
  return Number(rate) || 0;
}

/** Turns ffprobe's JSON for the first video stream into {@link VideoMetadata}, as Data-Juicer's FFmpegReader does. */
export function parseVideoProbe(json: string, path: string, plugin: string): VideoMetadata {
  const data = JSON.parse(json) as FfprobeVideoJson;
  const stream = data.streams?.[0];
  if (!stream) {
    throw pluginError('video-no-stream', `${path} has no video stream`, {
      plugin,
      path,
      expected: 'a file with at least one video stream',
      received: 'ffprobe found none',
      fix: 'drop the sample or fix the file',
    });
  }
  const duration = stream.duration ? Number(stream.duration) : Number(data.format?.duration ?? 0);
  const fps = parseFrameRate(stream.avg_frame_rate);
  let numFrames = Number.parseInt(stream.nb_frames ?? '0', 10) || 0;
  if (numFrames <= 0 && duration > 0 && fps > 0) numFrames = Math.round(duration * fps);
  return { duration, fps, width: stream.width ?? 0, height: stream.height ?? 0, numFrames };
}

/** Data-Juicer's ffprobe command for a video's metadata (`FFmpegReader.get_metadata`). */
export function videoProbeArgs(path: string): string[] {
  return [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=duration,avg_frame_rate,width,height,nb_frames',
    '-show_entries',
    'format=duration',
    '-of',
    'json',
    path,
  ];
}

/** Probes one video with ffprobe (uncached; see {@link videoProbes}). */
export async function probeVideo(path: string, plugin = 'ops-video'): Promise<VideoMetadata> {
  const { stdout } = await runTool('ffprobe', videoProbeArgs(path), { plugin });
  return parseVideoProbe(stdout, path, plugin);
}

/** The process-wide video probe cache: each file is probed once per content version. */
export const videoProbes = new ProbeCache<VideoMetadata>((path) => probeVideo(path));
