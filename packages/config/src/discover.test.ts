import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConfig } from './discover.ts';

const project = () => {
  const dir = mkdtempSync(join(tmpdir(), 'discover-'));
  writeFileSync(join(dir, 'package.json'), '{"name": "p"}');
  return dir;
};

describe('config discovery', () => {
  it.each([
    'dj-sandbox.config.yaml',
    'dj-sandbox.config.yml',
    'dj-sandbox.config.json',
    '.dj-sandboxrc',
    '.dj-sandboxrc.yaml',
    '.dj-sandboxrc.yml',
    '.dj-sandboxrc.json',
  ])('finds %s in the working directory, to be parsed with positions', async (name) => {
    const dir = project();
    writeFileSync(join(dir, name), name.endsWith('json') ? '{"project_name": "x"}' : 'project_name: x\n');
    expect(await discoverConfig(dir)).toEqual({ file: join(dir, name) });
  });

  it('finds the config of the project from a subfolder', async () => {
    const dir = project();
    writeFileSync(join(dir, 'dj-sandbox.config.yaml'), 'project_name: x\n');
    mkdirSync(join(dir, 'data', 'raw'), { recursive: true });
    expect(await discoverConfig(join(dir, 'data', 'raw'))).toEqual({ file: join(dir, 'dj-sandbox.config.yaml') });
  });

  it('takes package.json#dj-sandbox as a value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'discover-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', 'dj-sandbox': { project_name: 'x' } }));
    expect(await discoverConfig(dir)).toEqual({ file: join(dir, 'package.json'), value: { project_name: 'x' } });
  });

  it('finds nothing where there is no config', async () => {
    expect(await discoverConfig(project())).toBeUndefined();
  });
});
