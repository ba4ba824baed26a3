import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compareToFraction, parseFraction } from './operators/fraction.ts';
import { makeRangeTest } from './operators/keep-rule.ts';
import { producedPath } from './operators/produced-path.ts';
import { pyRound } from './operators/special-tokens.ts';
import { ProbeCache } from './probe-cache.ts';
import { parseFrameRate, parseVideoProbe, probeVideo } from './probe-video.ts';
import { ffmpegMissingReason, TOOL_ENV } from './run-tool.ts';

const VIDEO = fileURLToPath(new URL('../../ops-video/src/__fixtures__/media/video1.mp4', import.meta.url));

const FFMPEG_MISSING = ffmpegMissingReason();
const needsFfmpeg = (name: string, fn: () => void) =>
  describe.skipIf(FFMPEG_MISSING !== null)(FFMPEG_MISSING ? `${name} (skipped: ${FFMPEG_MISSING})` : name, fn);

needsFfmpeg('ffprobe and ffmpeg as child processes', () => {
  afterEach(() => {
    delete process.env[TOOL_ENV.ffprobe];
  });

  it('probes a video the way Data-Juicer reads its metadata', async () => {
    expect(await probeVideo(VIDEO)).toEqual({ duration: 11.75, fps: 24, width: 640, height: 360, numFrames: 282 });
  });

  it('says which binary is missing and how to install it', async () => {
    process.env[TOOL_ENV.ffprobe] = '/nonexistent/ffprobe';
    await expect(probeVideo(VIDEO)).rejects.toThrow(/ffprobe was not found/);
    await expect(probeVideo(VIDEO)).rejects.toMatchObject({
      data: { fix: expect.stringContaining('apt-get install -y ffmpeg') },
    });
  });

  it('probes each file once while it is unchanged, however many samples name it', async () => {
    let calls = 0;
    const cache = new ProbeCache(async (path) => {
      calls++;
      return path.length;
    });
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get(VIDEO)));
    expect(new Set(results)).toEqual(new Set([VIDEO.length]));
    expect(calls).toBe(1);
  });

  it('falls back to the container duration when the stream has none, and estimates frames from it', () => {
    const json = JSON.stringify({
      streams: [{ avg_frame_rate: '30000/1001', width: 2, height: 2 }],
      format: { duration: '2.002' },
    });
    expect(parseVideoProbe(json, 'x.mp4', 'ops-video')).toMatchObject({ duration: 2.002, numFrames: 60 });
    expect(parseFrameRate('0/0')).toBe(0);
  });
});

describe("Data-Juicer's helpers", () => {
  it('compares a float ratio with a fraction exactly, as Python does', () => {
    const sixteenNinths = parseFraction('16:9')!;
    expect(compareToFraction(640 / 360, sixteenNinths)).toBe(-1);
    expect(compareToFraction(2, parseFraction('2')!)).toBe(0);
    expect(parseFraction('wide')).toBeUndefined();
  });

  it('inverts the closed flags and the result with reversed_range', () => {
    const keep = makeRangeTest(10, 20, { reversed_range: true });
    expect([5, 10, 15, 20, 25].map(keep)).toEqual([true, true, false, true, true]);
  });

  it('rounds half to even', () => {
    expect([0.5, 1.5, 2.5, 2.6].map(pyRound)).toEqual([0, 2, 2, 3]);
  });

  it('names produced files like Data-Juicer, replacing an earlier hash', () => {
    const first = producedPath(VIDEO, 'some_mapper', '/tmp/dj-produced-test', { a: 1 });
    expect(first).toMatch(/^\/tmp\/dj-produced-test\/video1__dj_hash_#[0-9a-f]{64}#\.mp4$/);
    expect(producedPath('/no/such/file.mp4', 'some_mapper', null, {})).toBe('/no/such/file.mp4');
  });
});
