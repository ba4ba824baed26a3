/**
 * The Python environment bench/vs-optuna.ts runs Optuna in: a plain uv venv with exact pins, cached under
 * `$HOME/.cache/dj-sandbox/` (shared with nothing else) and marked complete only after the install succeeded, so an
 * interrupted install is redone rather than half-used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Optuna release the comparison is pinned to. */
export const OPTUNA_VERSION = '5.1.0';
/** scipy, for the cross-check of our Mann-Whitney test. */
export const SCIPY_VERSION = '1.17.1';

const COMPLETE_MARKER = '.dj-sandbox-complete';

function runOrExplain(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error || result.status !== 0) {
    throw new Error(
      `bench:optuna could not prepare its Python env: \`${command} ${args.join(' ')}\` ${result.error ? `failed (${result.error.message})` : `exited ${result.status}`}. It needs uv on PATH (https://docs.astral.sh/uv/) and access to PyPI.`,
    );
  }
}

/** The Python executable of the pinned Optuna env, created on first use. */
export function ensureOptunaPython(): string {
  const dir = join(homedir(), '.cache', 'dj-sandbox', `hpo-bench-optuna-${OPTUNA_VERSION}`);
  const python = join(dir, 'bin', 'python');
  if (existsSync(join(dir, COMPLETE_MARKER))) return python;
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`Creating ${dir} (optuna==${OPTUNA_VERSION}, scipy==${SCIPY_VERSION}) ...\n`);
  runOrExplain('uv', ['venv', '--quiet', dir]);
  runOrExplain('uv', [
    'pip',
    'install',
    '--quiet',
    '--python',
    python,
    `optuna==${OPTUNA_VERSION}`,
    `scipy==${SCIPY_VERSION}`,
  ]);
  writeFileSync(join(dir, COMPLETE_MARKER), `optuna==${OPTUNA_VERSION}\nscipy==${SCIPY_VERSION}\n`);
  return python;
}
