import { describe, expect, it } from 'vitest';
import { DATA_JUICER_VERSION } from './engine-env.ts';
import { dataJuicerOperators } from './manifest.ts';

describe('the Data-Juicer operator manifest', () => {
  const ops = new Map(dataJuicerOperators().map((op) => [op.name, op]));

  it(`describes every operator of Data-Juicer ${DATA_JUICER_VERSION}, text and multimodal`, () => {
    expect(ops.size).toBe(228);
    for (const name of [
      'video_duration_filter',
      'image_aspect_ratio_filter',
      'audio_duration_filter',
      'text_length_filter',
    ])
      expect(ops.get(name)?.kind).toBe('filter');
    expect(ops.get('python_lambda_mapper')?.kind).toBe('mapper');
    expect(ops.get('document_minhash_deduplicator')?.kind).toBe('deduplicator');
  });

  it("gives an operator's own parameters with their defaults, and its base classes' keys", () => {
    const params = ops.get('video_duration_filter')?.params ?? {};
    expect(params.min_duration).toEqual({ optional: true, default: 0, type: 'float' });
    expect(params.max_duration?.default).toBe(2 ** 63); // Python sys.maxsize, as close as a double gets
    expect(params.any_or_all?.default).toBe('any');
    expect(params.video_key?.default).toBe('videos');
    expect(params.min_closed_interval?.default).toBe(true);
    expect(params.num_proc).toBeDefined();
  });

  it('knows the stats keys filters write, for k-sigma', () => {
    expect(ops.get('video_duration_filter')?.statsKeys).toEqual(['video_duration']);
    expect(ops.get('image_aspect_ratio_filter')?.statsKeys).toEqual(['aspect_ratios']);
    expect(ops.get('text_length_filter')?.statsKeys).toEqual(['text_len']);
  });
});
