import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AnyOperatorDefinition, type FilterInstance, type Sample, silentLogger } from '@dj-sandbox/core';
import { ffmpegMissingReason } from '@dj-sandbox/media';
import { describe, expect, it } from 'vitest';
import { filters } from './index.ts';
import { sizeToBytes } from './size-to-bytes.ts';

const FFMPEG_MISSING = ffmpegMissingReason();
const needsFfmpeg = (name: string, fn: () => void) =>
  describe.skipIf(FFMPEG_MISSING !== null)(FFMPEG_MISSING ? `${name} (skipped: ${FFMPEG_MISSING})` : name, fn);

const MEDIA = fileURLToPath(new URL('../__fixtures__/media/', import.meta.url));
const goldens = JSON.parse(readFileSync(new URL('../__fixtures__/dj-goldens.json', import.meta.url), 'utf8')) as {
  filters: Array<{
    op: string;
    params: Record<string, unknown>;
    rows: Array<{ audios: string[]; stats: Record<string, number[]>; keep: boolean }>;
  }>;
};
const byName = new Map(filters.map((op) => [op.name, op]));

async function createFilter(op: AnyOperatorDefinition, raw: Record<string, unknown> = {}): Promise<FilterInstance> {
  const result = await op.params['~standard'].validate(raw);
  if (result.issues) throw new Error(`invalid params: ${result.issues.map((i) => i.message).join('; ')}`);
  return (await op.create(result.value, {
    workDir: '/tmp',
    logger: silentLogger,
    datasetDir: MEDIA,
  })) as FilterInstance;
}

needsFfmpeg('audio filters against Data-Juicer 1.6.1', () => {
  for (const golden of goldens.filters) {
    it(`${golden.op} ${JSON.stringify(golden.params)} writes Data-Juicer's stats and keep decisions`, async () => {
      const filter = await createFilter(byName.get(golden.op)!, golden.params);
      const samples: Sample[] = golden.rows.map((r) => ({ text: '', audios: r.audios, __dj__stats__: {} }));
      await filter.computeStats(samples);
      expect(samples.map((s) => s.__dj__stats__)).toEqual(golden.rows.map((r) => r.stats));
      expect(samples.map((s) => filter.keep(s))).toEqual(golden.rows.map((r) => r.keep));
    });
  }
});

describe('audio_size_filter sizes', () => {
  it('read units in powers of 1024, KiB and KB alike', () => {
    expect([
      sizeToBytes('0', 'min_size'),
      sizeToBytes('2KB', 'k'),
      sizeToBytes('2kib', 'k'),
      sizeToBytes('1TB', 'k'),
    ]).toEqual([0, 2048, 2048, 2 ** 40]);
  });

  it("drop a decimal point as Data-Juicer does, so '1.5MB' is 15 MB", () => {
    expect(sizeToBytes('1.5MB', 'max_size')).toBe(15 * 2 ** 20);
  });

  it('reject a size without digits or with an unknown unit, naming the key', () => {
    expect(() => sizeToBytes('big', 'max_size')).toThrow(/max_size has no digits/);
    expect(() => sizeToBytes('10 bytes', 'min_size')).toThrow(/min_size has an unknown unit 'bytes'/);
  });
});

needsFfmpeg('audio_duration_filter on files ffprobe cannot read', () => {
  it('fails naming ffprobe and the file', async () => {
    const filter = await createFilter(byName.get('audio_duration_filter')!);
    await expect(filter.computeStats([{ audios: ['missing.wav'], __dj__stats__: {} }])).rejects.toThrow(
      /ffprobe exited with code 1/,
    );
  });
});
