import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The line the reference writes at the end of a model executor's log. */
export const MODEL_LOG_END_MARKER = "<DJ-Sandbox> End of ModelExecutor's running <DJ-Sandbox>";

/** An open model log. */
export interface ModelLog {
  readonly path: string;
  /** Appends one line (use as `onLine` of a command run). */
  append(line: string): void;
  /** Writes the end marker. */
  close(): void;
}

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * Creates `<workDir>/model_exe_<runType>_<YYYYmmddHHMMSS>.log`, the model log of the reference's executors: every
 * line a model tool prints goes there (and to the executor's parser) as it arrives.
 */
export function openModelLog(workDir: string, runType: string, now = new Date()): ModelLog {
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, `model_exe_${runType}_${timestamp(now)}.log`);
  writeFileSync(path, '');
  return {
    path,
    append: (line) => appendFileSync(path, `${line}\n`),
    close: () => appendFileSync(path, `${MODEL_LOG_END_MARKER}\n`),
  };
}
