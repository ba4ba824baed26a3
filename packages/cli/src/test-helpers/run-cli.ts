import { type ChildProcess, spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolve } from 'import-meta-resolve';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));
// tsx is resolved here, not from the child's working directory (a temp folder with no node_modules).
const TSX = resolve('tsx', import.meta.url);

/** Starts the CLI from its TypeScript sources (workspace packages resolved through the `source` condition). */
export function startCli(args: string[], options: { cwd: string; env?: Record<string, string> }): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', '--import', TSX, BIN, ...args], {
    cwd: options.cwd,
    // Plugins are resolved as in a project of its own: not from the workspace the CLI is installed in.
    env: { ...process.env, CI: 'true', DJ_SANDBOX_RESOLVE_FROM_CLI: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion and returns its exit code and output. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Makes the CLI's installed packages (the data engine and ops-text among them) resolvable from a temporary test
 * folder, as they would be in a user's project.
 */
export function linkInstalledPackages(dir: string): void {
  symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), join(dir, 'node_modules'));
}
