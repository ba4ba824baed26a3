import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

interface Manifest {
  name: string;
  version: string;
  peerDependencies?: Record<string, string>;
}

/** True when `version` satisfies a range of the form `>=a.b.c <N` (the policy's only peer-range shape). */
function satisfies(version: string, range: string): boolean {
  const m = /^>=(\d+)\.(\d+)\.(\d+) <(\d+)$/.exec(range);
  if (!m) return false;
  const v = version.split('.').map(Number) as [number, number, number];
  const lo = [Number(m[1]), Number(m[2]), Number(m[3])];
  const cmp = v[0] - (lo[0] as number) || v[1] - (lo[1] as number) || v[2] - (lo[2] as number);
  return cmp >= 0 && v[0] < Number(m[4]);
}

describe('the versioning policy (docs/versioning.md)', () => {
  const packages = readdirSync(join(ROOT, 'packages')).map(
    (dir) => JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')) as Manifest,
  );

  it('every plugin peers on @dj-sandbox/core with a range that accepts every core below the next major', () => {
    for (const pkg of packages) {
      const range = pkg.peerDependencies?.['@dj-sandbox/core'];
      if (range === undefined) continue;
      expect(range, pkg.name).toMatch(/^>=0\.\d+\.\d+ <1$/);
    }
  });

  it('the pending changesets release no plugin as a major, and every peer range still accepts the next core', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'release-plan-')), 'plan.json');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@changesets/cli/bin.js'), 'status', `--output=${out}`], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const plan = JSON.parse(readFileSync(out, 'utf8')) as {
      releases: Array<{ name: string; type: string; newVersion: string }>;
    };
    const core =
      plan.releases.find((r) => r.name === '@dj-sandbox/core')?.newVersion ??
      packages.find((p) => p.name === '@dj-sandbox/core')?.version;
    for (const release of plan.releases) expect(`${release.name} ${release.type}`).not.toMatch(/ major$/);
    for (const pkg of packages) {
      const range = pkg.peerDependencies?.['@dj-sandbox/core'];
      if (range !== undefined) expect(satisfies(core, range), `${pkg.name} ${range} vs core ${core}`).toBe(true);
    }
  });
});
