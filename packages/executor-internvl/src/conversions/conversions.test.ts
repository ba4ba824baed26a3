import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runJobs } from '../test-helpers/internvl-run.ts';

describe('COCO-caption conversions', () => {
  it('coco_caption_to_dj_conversion keeps every field and adds images and the image-token text', async () => {
    const { run, lookup } = await runJobs([
      {
        hook: 'GeneralDataExecutorHook',
        meta_name: 'convert',
        output: 'paths',
        extra_configs: {
          type: 'coco_caption_to_dj_conversion',
          dataset_path: ['coco_karpathy_train_sample.jsonl', 'missing.jsonl'],
          export_path: 'data/coco/',
        },
      },
    ]);
    expect(lookup('anonymous.convert.paths')).toEqual({
      found: true,
      value: 'data/coco/iter_1/coco_karpathy_train_sample_dj_fmt.jsonl',
    });
    const lines = readFileSync(run.path('data/coco/iter_1/coco_karpathy_train_sample_dj_fmt.jsonl'), 'utf8').split(
      '\n',
    );
    expect(lines[0]).toBe(
      '{"id": 0, "image": "coco/train2014/COCO_train2014_000000057870.jpg", "conversations": [{"from": "human", "value": "<image>\\nProvide a one-sentence caption for the provided image."}, {"from": "gpt", "value": "A restaurant has modern wooden tables and chairs."}], "images": ["coco/train2014/COCO_train2014_000000057870.jpg"], "text": "<__dj__image> A restaurant has modern wooden tables and chairs."}',
    );
    // jsonlines writes UTF-8 without escaping
    expect(lines[2]).toContain(
      '"text": "<__dj__image> A woman wearing a net on her head cutting a cake — “café” style."',
    );
    expect(lines).toHaveLength(4);
  });

  it('coco_caption_meta_generation writes InternVL meta files with the reference key order and spacing', async () => {
    const { run, lookup } = await runJobs(
      [
        {
          hook: 'GeneralDataExecutorHook',
          meta_name: 'meta',
          output: 'paths',
          extra_configs: {
            type: 'coco_caption_meta_generation',
            dataset_path: 'pools/coco_karpathy_train_sample.jsonl',
            export_path: 'metas/',
            data_root_path: 'InternVL/internvl_chat',
          },
        },
      ],
      [],
      {
        'pools/coco_karpathy_train_sample.jsonl': readFileSync(
          new URL('../__fixtures__/coco_karpathy_train_sample.jsonl', import.meta.url),
          'utf8',
        ),
      },
    );
    expect(lookup('anonymous.meta.paths')).toEqual({
      found: true,
      value: 'metas/iter_1/coco_karpathy_train_sample_meta.json',
    });
    expect(readFileSync(run.path('metas/iter_1/coco_karpathy_train_sample_meta.json'), 'utf8')).toBe(
      '{"coco_karpathy_train_sample": {"root": "data/coco/", "annotation": "../../pools/coco_karpathy_train_sample.jsonl", "data_augment": false, "repeat_time": 1, "length": 3}}',
    );
  });

  it('fails clearly, naming the line, on a blank line as jsonlines does', async () => {
    await expect(
      runJobs(
        [
          {
            hook: 'GeneralDataExecutorHook',
            meta_name: 'convert',
            extra_configs: { type: 'coco_caption_to_dj_conversion', dataset_path: 'blank.jsonl', export_path: 'out/' },
          },
        ],
        [],
        { 'blank.jsonl': '{"image": "a.jpg", "conversations": [{}, {"value": "x"}]}\n\n{"image": "b.jpg"}\n' },
      ),
    ).rejects.toThrow(/blank\.jsonl:2: not a JSON line \(blank line\)/);
  });

  it('fails clearly when no input exists', async () => {
    await expect(
      runJobs([
        {
          hook: 'GeneralDataExecutorHook',
          meta_name: 'meta',
          extra_configs: { type: 'coco_caption_meta_generation', dataset_path: 'nope.jsonl', export_path: 'metas/' },
        },
      ]),
    ).rejects.toThrow(/\[plugin:executor-internvl\] \[job:meta\].*none of the input paths exists/s);
  });
});
