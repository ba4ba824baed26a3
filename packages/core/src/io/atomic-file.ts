import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asFileSystemError } from '../errors/file-system-error.ts';

let counter = 0;

/**
 * A temporary name beside `path` (same folder, so the final rename is atomic on every file system): hidden, and
 * unique per process and call, so two writers never share one. See docs/atomic-outputs.md.
 */
export function tempPathFor(path: string): string {
  counter++;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
}

/** Whether a file name is one of {@link tempPathFor}'s temporary names. */
export function isTempName(name: string): boolean {
  return /^\..+\.\d+\.\d+\.tmp$/.test(name);
}

/**
 * Writes a file under a temporary name and renames it to `path` when complete: a kill or a full disk leaves either
 * no file or the previous one under `path`, never a truncated one. The temporary file is removed on failure.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await withAtomicFile(path, (temp) => writeFile(temp, data));
}

/** {@link writeFileAtomic}, synchronously. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw asFileSystemError(path, error);
  }
}

/**
 * Runs `write` against a temporary path beside `path`, then renames it to `path`. When `write` throws, the
 * temporary file is removed and `path` is left as it was; a system error (a full disk) becomes a
 * {@link fileSystemError} naming `path`.
 */
export async function withAtomicFile<T>(path: string, write: (tempPath: string) => Promise<T>): Promise<T> {
  const temp = tempPathFor(path);
  try {
    const result = await write(temp);
    await rename(temp, path);
    return result;
  } catch (error) {
    await rm(temp, { force: true });
    throw asFileSystemError(path, error);
  }
}
