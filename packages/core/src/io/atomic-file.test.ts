import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempName, tempPathFor, withAtomicFile, writeFileAtomic } from './atomic-file.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'atomic-file-'));

describe('atomic files', () => {
  it('show the new content under the final name only once it is complete', async () => {
    const dir = folder();
    const path = join(dir, 'out.jsonl');
    writeFileSync(path, 'old\n');
    await withAtomicFile(path, async (temp) => {
      writeFileSync(temp, 'half');
      expect(readFileSync(path, 'utf8')).toBe('old\n');
    });
    await writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('leave the previous file and no temporary file when the write fails', async () => {
    const dir = folder();
    const path = join(dir, 'out.jsonl');
    writeFileSync(path, 'old\n');
    await expect(
      withAtomicFile(path, async (temp) => {
        writeFileSync(temp, 'partial');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('turn a system error into one naming the final file', async () => {
    const path = join(folder(), 'missing-folder', 'out.json');
    await expect(writeFileAtomic(path, '{}')).rejects.toMatchObject({
      category: 'environment',
      message: expect.stringContaining(`cannot open ${path}: no such file or folder (ENOENT)`),
    });
    expect(existsSync(path)).toBe(false);
  });

  it('use hidden, unique temporary names beside the final file', () => {
    const a = tempPathFor('/w/out.jsonl');
    expect(a).not.toBe(tempPathFor('/w/out.jsonl'));
    expect(a.startsWith('/w/.out.jsonl.')).toBe(true);
    expect(isTempName(a.slice(3))).toBe(true);
  });
});
