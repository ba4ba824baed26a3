import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonJsonDumps, readContextFile, writeContextFile } from './context-file.ts';
import { ContextInfos } from './context-infos.ts';

function sample(): ContextInfos {
  const ctx = new ContextInfos(1);
  const a = ctx.startPipeline('anonymous');
  a.jobs.push({ metaName: 'analysis', outputKeys: ['0'], outputs: ['./out/iter_1/x.jsonl'] });
  a.jobs.push({ metaName: 'analysis', outputKeys: ['refined_recipe_path'], outputs: ['./k.yaml'] });
  a.jobs.push({ metaName: null, outputKeys: ['0', '1'], outputs: [0.5, { mse: 0.1 }] });
  return ctx;
}

describe('context infos', () => {
  it('finds the first job with a meta_name and matches the output key whole', () => {
    const ctx = sample();
    expect(ctx.lookup('anonymous.analysis.0')).toEqual({ found: true, value: './out/iter_1/x.jsonl' });
    expect(ctx.lookup('anonymous.analysis.refined_recipe_path').found).toBe(false);
    expect(ctx.lookup('nope.analysis.0').found).toBe(false);
    expect(ctx.lookup('anonymous.analysis').found).toBe(false);
  });

  it('resolves -1 to the latest job, across pipelines and skipping empty ones', () => {
    const ctx = sample();
    ctx.startPipeline('second');
    expect(ctx.lookupLast('1')).toEqual({ found: true, value: { mse: 0.1 } });
    expect(new ContextInfos(1).lastJob()).toBeUndefined();
  });

  it('refuses a second pipeline with the same name in one iteration', () => {
    const ctx = sample();
    expect(() => ctx.startPipeline('anonymous')).toThrow(/same name "anonymous"/);
  });

  it('writes the reference format: indent 4, meta_name first, ASCII-escaped, null meta_name kept', () => {
    const ctx = new ContextInfos(2);
    ctx.startPipeline('p').jobs.push({ metaName: null, outputKeys: ['0', 'text'], outputs: [[], '数据 é'] });
    expect(pythonJsonDumps([ctx.toOrderedJSON()])).toBe(
      [
        '[',
        '    {',
        '        "iter": 2,',
        '        "pipeline_infos": [',
        '            {',
        '                "pipeline_name": "p",',
        '                "job_infos": [',
        '                    {',
        '                        "meta_name": null,',
        '                        "0": [],',
        '                        "text": "\\u6570\\u636e \\u00e9"',
        '                    }',
        '                ]',
        '            }',
        '        ]',
        '    }',
        ']',
      ].join('\n'),
    );
  });

  it('round-trips through the file, keeping output keys in file order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctx-'));
    const file = join(dir, 'context_infos.json');
    writeContextFile(file, [sample()]);
    const [back] = readContextFile(file)!;
    expect(back!.toJSON()).toEqual(sample().toJSON());
    expect(readFileSync(file, 'utf8')).toContain('"meta_name": "analysis",\n');
  });

  it('writes values JSON cannot hold as something it can, instead of a torn file', () => {
    expect(JSON.parse(pythonJsonDumps({ a: Number.NaN, b: 10n, c: new Set([1]) }))).toEqual({ a: null, b: 10, c: [1] });
  });
});
