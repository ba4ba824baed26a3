import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { gatherRayExport } from './gather-ray-export.ts';

describe("gathering Data-Juicer's Ray export", () => {
  it('turns a folder of part files into one JSON Lines file and its stats file, in part order', async () => {
    const dir = testdir();
    const parts = join(dir, '.tmp-1-out.jsonl');
    mkdirSync(parts);
    writeFileSync(join(parts, 'b_000001.json'), '{"text":"c","__dj__stats__":{"text_len":1}}\n');
    writeFileSync(
      join(parts, 'a_000000.json'),
      '{"text":"a","videos":["\\/m\\/v.mp4"],"__dj__stats__":{"text_len":1}}\n{"text":"b","__dj__stats__":{"text_len":1}}\n',
    );
    const result = await gatherRayExport(parts, join(dir, 'out.jsonl'), join(dir, 'out_stats.jsonl'));
    expect(result).toEqual({ files: [join(dir, 'out.jsonl'), join(dir, 'out_stats.jsonl')], rows: 3 });
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(
      '{"text":"a","videos":["/m/v.mp4"]}\n{"text":"b"}\n{"text":"c"}\n',
    );
    expect(readFileSync(join(dir, 'out_stats.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(existsSync(parts)).toBe(false);
  });
});
