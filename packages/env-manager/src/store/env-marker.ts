import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that marks an environment as completely created; written last, atomically. */
export const MARKER_FILE = '.dj-sandbox-env.json';
/** The file that marks an environment as being created by dj-sandbox (removed when the marker is written). */
export const CREATING_FILE = '.dj-sandbox-creating';

/** What the marker records. */
export interface EnvMarker {
  key: string;
  manager: string;
  python: string;
  created: string;
  /** Fingerprints of the dependency specs installed so far. */
  installed: string[];
}

/** The marker of an environment directory, or undefined when it is not (completely) created. */
export function readMarker(prefix: string): EnvMarker | undefined {
  try {
    return JSON.parse(readFileSync(join(prefix, MARKER_FILE), 'utf8')) as EnvMarker;
  } catch {
    return undefined;
  }
}

/** Writes the marker through a temp file and a rename, so a reader never sees half of it. */
export function writeMarker(prefix: string, marker: EnvMarker): void {
  const tmp = join(prefix, `${MARKER_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(marker, null, 2)}\n`);
  renameSync(tmp, join(prefix, MARKER_FILE));
}

/** True when dj-sandbox started creating this directory and never finished. */
export function isHalfCreated(prefix: string): boolean {
  return existsSync(join(prefix, CREATING_FILE)) || (existsSync(prefix) && !readMarker(prefix) && !hasActivate(prefix));
}

function hasActivate(prefix: string): boolean {
  return existsSync(join(prefix, 'bin', 'activate')) || existsSync(join(prefix, 'conda-meta'));
}
