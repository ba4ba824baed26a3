import { rename, writeFile } from 'node:fs/promises';

/** Writes a file under a temporary name and renames it, so it appears under its final name only when complete. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
