import { pluginError } from '@dj-sandbox/core';
import { ProbeCache } from './probe-cache.ts';
import { runTool } from './run-tool.ts';

/** An audio file's first stream, as decoding it at its native rate sees it. */
export interface AudioMetadata {
  readonly sampleRate: number;
  readonly channels: number;
  /** Samples per channel after decoding. */
  readonly samples: number;
  /** `samples / sampleRate`: librosa's `get_duration(y=y, sr=sr)` on the decoded signal. */
  readonly duration: number;
}

interface FfprobeAudioJson {
  streams?: Array<{ sample_rate?: string; channels?: number; time_base?: string; duration_ts?: number }>;
}

const PLUGIN = 'ops-audio';

/** Parses a rational such as `1/44100`. */
function rational(text: string | undefined): number {
  const [num, den] = (text ?? '0/1').split('/').map(Number) as [number, number?];
  return den ? num / den : num;
}

/** Sums the first audio stream's packet durations (in its time base): for containers that state no total. */
async function packetDurationSum(path: string): Promise<number> {
  const { stdout } = await runTool(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'packet=duration', '-of', 'csv=p=0', path],
    { plugin: PLUGIN },
  );
  let total = 0;
  for (const line of stdout.split('\n')) {
    const n = Number.parseInt(line, 10);
    if (Number.isFinite(n)) total += n;
  }
  return total;
}

/**
 * Probes one audio file. The sample count is the stream's `duration_ts` when its time base is one sample (WAV, Ogg,
 * FLAC: the decoded count, end trimming included); otherwise the packet durations are summed and converted.
 */
export async function probeAudio(path: string): Promise<AudioMetadata> {
  const args = [
    '-v',
    'error',
    '-select_streams',
    'a:0',
    '-show_entries',
    'stream=sample_rate,channels,time_base,duration_ts',
  ];
  const { stdout } = await runTool('ffprobe', [...args, '-of', 'json', path], { plugin: PLUGIN });
  const stream = (JSON.parse(stdout) as FfprobeAudioJson).streams?.[0];
  if (!stream) {
    throw pluginError('audio-no-stream', `${path} has no audio stream`, {
      plugin: PLUGIN,
      path,
      expected: 'a file with at least one audio stream',
      received: 'ffprobe found none',
      fix: 'drop the sample or fix the file',
    });
  }
  const sampleRate = Number(stream.sample_rate ?? 0);
  const channels = stream.channels ?? 0;
  const timeBase = rational(stream.time_base);
  const ticks = typeof stream.duration_ts === 'number' ? stream.duration_ts : await packetDurationSum(path);
  const samples = stream.time_base === `1/${sampleRate}` ? ticks : Math.round(ticks * timeBase * sampleRate);
  return { sampleRate, channels, samples, duration: sampleRate > 0 ? samples / sampleRate : 0 };
}

/** The process-wide audio probe cache. */
export const audioProbes = new ProbeCache<AudioMetadata>(probeAudio);
