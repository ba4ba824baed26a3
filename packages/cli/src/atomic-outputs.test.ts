import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testdir } from '@dj-sandbox/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { linkInstalledPackages, runCli, startCli } from './test-helpers/run-cli.ts';

const ROWS = 120_000;

function datasetText(rows: number): string {
  let text = '';
  for (let i = 0; i < rows; i++)
    text += `${JSON.stringify({ text: `sample ${i} ${'lorem ipsum dolor sit amet '.repeat(1 + (i % 7))}`, id: i })}\n`;
  return text;
}

const RECIPE = `
dataset_path: ./data.jsonl
export_path: ./out/result.jsonl
np: 1
process:
  - text_length_filter: {min_len: 60}
  - words_num_filter: {min_num: 3}
`;

function setUp(): string {
  const dir = testdir({ 'recipe.yaml': RECIPE });
  writeFileSync(join(dir, 'data.jsonl'), datasetText(ROWS));
  linkInstalledPackages(dir);
  return dir;
}

function outputs(dir: string): string[] {
  const out = join(dir, 'out');
  return existsSync(out) ? readdirSync(out).sort() : [];
}

describe('dj-sandbox process writes every output atomically', () => {
  it('leaves either no file or the complete file under the export names when killed at any point', async () => {
    const reference = setUp();
    const full = await runCli(['process', '-r', 'recipe.yaml'], { cwd: reference });
    expect(full.code, full.stderr).toBe(0);
    const expected = {
      'result.jsonl': readFileSync(join(reference, 'out/result.jsonl'), 'utf8'),
      'result_stats.jsonl': readFileSync(join(reference, 'out/result_stats.jsonl'), 'utf8'),
    };
    // Kill points: fixed times after the start, and times after the first export file (temporary or final)
    // appeared, so that some kills land in the middle of writing.
    const killPoints = [
      { afterStartMs: 1500 },
      { afterStartMs: 3000 },
      { afterFirstOutputMs: 0 },
      { afterFirstOutputMs: 60 },
      { afterFirstOutputMs: 150 },
    ];
    let killedWhileWriting = 0;
    for (const point of killPoints) {
      const dir = setUp();
      const child = startCli(['process', '-r', 'recipe.yaml'], { cwd: dir });
      let done = false;
      const exited = new Promise((r) => child.on('close', r)).then(() => {
        done = true;
      });
      if ('afterStartMs' in point) await new Promise((r) => setTimeout(r, point.afterStartMs));
      else {
        while (!done && !outputs(dir).some((name) => name.startsWith('.result') || name.startsWith('result')))
          await new Promise((r) => setTimeout(r, 2));
        await new Promise((r) => setTimeout(r, point.afterFirstOutputMs));
      }
      if (outputs(dir).some((name) => name.endsWith('.tmp'))) killedWhileWriting++;
      child.kill('SIGKILL');
      await exited;
      for (const [name, complete] of Object.entries(expected)) {
        const path = join(dir, 'out', name);
        if (existsSync(path))
          expect(readFileSync(path, 'utf8') === complete, `${name} at ${JSON.stringify(point)}`).toBe(true);
      }
    }
    // at least one kill must have hit the writing phase, or the test proves nothing
    expect(killedWhileWriting).toBeGreaterThan(0);
  }, 240_000);
});

const FULL_DISK = '/tmp/dj-sandbox-full-disk-test';

function mountSmallTmpfs(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: cannot mount a 1 MB tmpfs';
  try {
    execFileSync('mkdir', ['-p', FULL_DISK]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', FULL_DISK], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${(error as Error).message.split('\n')[0]})`;
  }
}

const unavailable = mountSmallTmpfs();
afterAll(() => {
  if (!unavailable) execFileSync('umount', [FULL_DISK]);
});

describe.skipIf(unavailable !== undefined)(`a full disk (${unavailable ?? '1 MB tmpfs'})`, () => {
  it('fails process with exit 2 and a message naming the file, and leaves no partial file', async () => {
    const dir = testdir({
      'recipe.yaml': RECIPE.replace('./out/result.jsonl', `${FULL_DISK}/out/result.jsonl`),
    });
    writeFileSync(join(dir, 'data.jsonl'), datasetText(20_000));
    linkInstalledPackages(dir);
    const result = await runCli(['process', '-r', 'recipe.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no space left on device/i);
    expect(result.stderr).toContain(`${FULL_DISK}/out/`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(FULL_DISK, 'out'))).toEqual([]);
  }, 120_000);
});
