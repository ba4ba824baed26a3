import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
// The reference sandbox's own configs, as its users write them (kept with the CLI's tests).
const REFERENCE = fileURLToPath(new URL('../../../packages/cli/src/__fixtures__/reference/configs', import.meta.url));
const CONFIG = 'configs/internvl_coco_caption/sandbox_internvl_coco_caption.yaml';

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips the CLI's colour codes
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

function validate(cwd: string) {
  return promisify(execFile)(process.execPath, [CLI, 'validate', '--config', CONFIG], {
    cwd,
    env: { ...process.env, CI: 'true' },
  }).then(
    (r) => ({ code: 0, out: plain(r.stdout + r.stderr) }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: plain(e.stdout + e.stderr) }),
  );
}

describe("the reference's sandbox_internvl_coco_caption.yaml with this example's plugins installed", () => {
  it('reports its <internvl_home> placeholders as one problem, and nothing else', async () => {
    const dir = testdir();
    cpSync(REFERENCE, join(dir, 'configs'), { recursive: true });
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    const { code, out } = await validate(dir);
    expect(code).toBe(2);
    expect(out).toMatch(/✖ 1 problem in the config/);
    expect(out).toMatch(/value\(s\) still hold the placeholder <internvl_home>.*Replace every "<internvl_home>"/s);
  });

  it('validates unchanged once the placeholders hold a path', async () => {
    const dir = testdir();
    cpSync(REFERENCE, join(dir, 'configs'), { recursive: true });
    symlinkSync(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'));
    const folder = join(dir, 'configs', 'internvl_coco_caption');
    for (const file of readdirSync(folder)) {
      const path = join(folder, file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('<internvl_home>', '/opt/InternVL'));
    }
    const { code, out } = await validate(dir);
    expect(out).toMatch(/is valid: 4 pipeline\(s\), 21 job\(s\)/);
    expect(out).toMatch(/executor-internvl@0\.1\.0/);
    expect(code).toBe(0);
  });
});
