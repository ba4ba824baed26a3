import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-helpers/run-cli.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const run = promisify(execFile);

/** Links what `npm install` would put in the generated plugin's node_modules, from this workspace. */
function linkDependencies(dir: string): void {
  const links: Record<string, string> = {
    '@dj-sandbox/core': join(ROOT, 'packages/core'),
    '@dj-sandbox/test-utils': join(ROOT, 'packages/test-utils'),
    zod: realpathSync(join(CLI_MODULES, 'zod')),
    vitest: realpathSync(join(ROOT, 'node_modules/vitest')),
    typescript: realpathSync(join(ROOT, 'node_modules/typescript')),
    '@types/node': realpathSync(join(ROOT, 'node_modules/@types/node')),
  };
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(dir, 'node_modules', name));
  }
}

describe('dj-sandbox init plugin', () => {
  it('writes a plugin package whose tests and typecheck pass as generated', async () => {
    const dir = testdir();
    const { code, stdout } = await runCli(['init', 'plugin', 'my-plugin', '--name', '@acme/dj-sandbox-plugin-demo'], {
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('@acme/dj-sandbox-plugin-demo written to');
    const plugin = join(dir, 'my-plugin');
    const pkg = JSON.parse(readFileSync(join(plugin, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: '@acme/dj-sandbox-plugin-demo', keywords: ['dj-sandbox-plugin'] });
    expect(pkg.peerDependencies['@dj-sandbox/core']).toMatch(/^>=0\.\d+\.\d+ <1$/);
    linkDependencies(plugin);
    const tests = await run(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', plugin], {
      cwd: plugin,
      env: { ...process.env, CI: 'true' },
    });
    expect(stripVTControlCharacters(tests.stdout)).toMatch(/Tests\s+3 passed/);
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: plugin,
    });
  }, 120_000);

  it('refuses a folder that is not empty, with exit 2', async () => {
    const dir = testdir({ 'taken/file.txt': 'x' });
    const { code, stderr } = await runCli(['init', 'plugin', 'taken'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('is not empty');
  });
});
