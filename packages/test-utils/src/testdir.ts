import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Creates a fresh temporary folder holding `files` (relative path → contents; objects are written as JSON) and
 * returns its path.
 */
export function testdir(files: Record<string, string | object> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dj-sandbox-test-'));
  writeFiles(dir, files);
  return dir;
}

/** Writes `files` under `dir`, creating folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | object>): void {
  for (const [rel, contents] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents, null, 2));
  }
}
