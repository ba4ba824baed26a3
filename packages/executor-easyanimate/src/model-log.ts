import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The reference's end-of-log marker. */
export const MODEL_LOG_END_MARKER = "<DJ-Sandbox> End of ModelExecutor's running <DJ-Sandbox>";

/** `<workDir>/model_exe_<runType>_<YYYYmmddHHMMSS>.log`, created empty; the command runner appends every line. */
export function modelLogPath(workDir: string, runType: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, `model_exe_${runType}_${stamp}.log`);
  writeFileSync(path, '');
  return path;
}

/** Ends a model log with the reference's marker. */
export function closeModelLog(path: string): void {
  appendFileSync(path, `${MODEL_LOG_END_MARKER}\n`);
}
