import { describe, expect, it } from 'vitest';
import { inferArgs } from './infer-executor.ts';
import { pyJsonDumps } from './py-json.ts';
import { parseTrainSteps } from './train-log.ts';

describe('pyJsonDumps', () => {
  it("writes what Python's json.dumps writes, floats and escapes included", () => {
    // python3 -c "import json; print(json.dumps([1e-05, 0.0001, 1.5, 1e16, 123456789.125, -2.5e-7, 'é😀\"', {'a': None}]))"
    expect(pyJsonDumps([1e-5, 0.0001, 1.5, 1e16, 123456789.125, -2.5e-7, 'é😀"', { a: null }])).toBe(
      '[1e-05, 0.0001, 1.5, 1e+16, 123456789.125, -2.5e-07, "\\u00e9\\ud83d\\ude00\\"", {"a": null}]',
    );
  });
});

describe('parseTrainSteps', () => {
  it("reads step, total, lr and step_loss from tqdm's redrawn Steps bar", () => {
    const line =
      'Steps:   0%|          | 0/2 [00:00<?, ?it/s]\rSteps:  50%|█████     | 1/2 [00:10<00:10, 10.00s/it, lr=2e-5, step_loss=0.123]';
    expect(parseTrainSteps(line)).toEqual([{ step: 1, total: 2, lr: 2e-5, loss: 0.123 }]);
  });

  it('ignores lines that are not the training bar', () => {
    expect(parseTrainSteps('12/06/2026 - INFO - __main__ -   Num examples = 16')).toEqual([]);
  });
});

describe('infer_lora.sh arguments', () => {
  it('are the 11 values of the reference, in its order, as strings', () => {
    const args = inferArgs({
      model_path: { pretrained_model_name_or_path: 'pixart', transformer_path: 't.safetensors', lora_path: 'l' },
      infer_config: {
        image_size: 256,
        prompt_info_path: 'info.json',
        gpu_num: 1,
        batch_size: 8,
        mixed_precision: 'bf16',
        video_num_per_prompt: 5,
        seed: 43,
      },
      saving_config: { output_video_dir: 'videos' },
    });
    expect(args).toEqual(['pixart', 't.safetensors', 'l', '256', 'info.json', '1', '8', 'bf16', '5', '43', 'videos']);
  });
});
