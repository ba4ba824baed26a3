import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { versionOf } from './version-of.ts';

describe('versionOf', () => {
  it('reads the version of the package a module belongs to, so it is written only in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(versionOf(import.meta.url)).toBe(pkg.version);
  });
});
