import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHINESE_CONVERT_MODES, chineseConvertMapper } from './chinese-convert-mapper.ts';
import { runMapper } from './internal/test-run.ts';

// Python OpenCC 1.1.9's output (see __fixtures__/make-opencc-reference.py): the version Data-Juicer 1.6.1 pins.
const reference = JSON.parse(
  readFileSync(new URL('./__fixtures__/opencc-1.1.9-reference.json', import.meta.url), 'utf8'),
) as { lines: string[]; outputs: Record<string, string[]> };

describe('chinese_convert_mapper against Python OpenCC 1.1.9', () => {
  it.each(CHINESE_CONVERT_MODES.map((mode) => [mode]))(
    '%s converts every phrase as OpenCC 1.1.9 does',
    async (mode) => {
      expect(await runMapper(chineseConvertMapper, reference.lines, { mode })).toEqual(reference.outputs[mode]);
    },
  );

  it('writes 少長鹹集 for 少长咸集 in s2tw and s2hk, as Data-Juicer does', async () => {
    expect(await runMapper(chineseConvertMapper, ['群贤毕至，少长咸集'], { mode: 's2tw' })).toEqual([
      '群賢畢至，少長鹹集',
    ]);
    expect(await runMapper(chineseConvertMapper, ['群贤毕至，少长咸集'], { mode: 's2hk' })).toEqual([
      '羣賢畢至，少長鹹集',
    ]);
  });
});
