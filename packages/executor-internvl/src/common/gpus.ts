import { execFile } from 'node:child_process';

/**
 * The number of CUDA devices, as `nvidia-smi -L` lists them (one `GPU <n>: ...` line each); 0 when nvidia-smi is
 * missing or fails. `CUDA_VISIBLE_DEVICES`, when set, limits the count as it limits torch's.
 */
export function cudaDeviceCount(): Promise<number> {
  return new Promise((resolvePromise) => {
    execFile('nvidia-smi', ['-L'], { timeout: 30_000 }, (error, stdout) => {
      if (error) return resolvePromise(0);
      const listed = stdout.split('\n').filter((l) => /^GPU \d+:/.test(l.trim())).length;
      const visible = process.env.CUDA_VISIBLE_DEVICES;
      if (visible === undefined) return resolvePromise(listed);
      const ids = visible.split(',').filter((v) => v.trim() !== '' && !v.trim().startsWith('-'));
      resolvePromise(Math.min(listed, ids.length));
    });
  });
}
