import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommands, requirementArgs } from './dep-args.ts';

describe('dependency specs', () => {
  it('splits a requirement that carries flags into separate arguments', () => {
    expect(requirementArgs('flash-attn==2.3.6 --no-build-isolation')).toEqual([
      'flash-attn==2.3.6',
      '--no-build-isolation',
    ]);
  });

  it('keeps a PEP 508 direct reference as one requirement', () => {
    expect(requirementArgs('pkg @ https://example.invalid/pkg.whl')).toEqual(['pkg @ https://example.invalid/pkg.whl']);
  });

  it('installs plain requirements together and each flagged one on its own', () => {
    expect(installCommands(['numpy', 'flash-attn==2.3.6 --no-build-isolation', 'pandas'], '/')).toEqual([
      ['numpy', 'pandas'],
      ['flash-attn==2.3.6', '--no-build-isolation'],
    ]);
  });

  it('installs a directory editable and a file as a requirements file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deps-'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'requirements.txt'), 'six\n');
    expect(installCommands('lib', dir)).toEqual([['-e', join(dir, 'lib')]]);
    expect(installCommands('requirements.txt', dir)).toEqual([['-r', join(dir, 'requirements.txt')]]);
  });

  it('rejects a path that does not exist, naming it, before anything runs', () => {
    expect(() => installCommands('nope.txt', '/tmp')).toThrow(/dependency path "nope.txt" does not exist/);
  });

  it('rejects a mapping with the expected forms', () => {
    expect(() => installCommands({ numpy: 1 } as unknown as string[], '/tmp')).toThrow(/wrong type/);
  });
});
