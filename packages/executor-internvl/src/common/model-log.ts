import { join } from 'node:path';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The reference's model log path: `<workDir>/model_exe_<run_type>_<YYYYmmddHHMMSS>.log` (local time). */
export function modelLogPath(workDir: string, runType: string, now = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}${pad(now.getHours())}${pad(
    now.getMinutes(),
  )}${pad(now.getSeconds())}`;
  return join(workDir, `model_exe_${runType}_${stamp}.log`);
}
