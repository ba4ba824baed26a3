import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { configError } from '../errors/errors.ts';
import { tempPathFor } from './atomic-file.ts';

/** The lock file's name inside `work_dir`. */
export const LOCK_FILE_NAME = '.dj-sandbox.lock';

/** What the lock file holds. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** A held work-dir lock; `release()` removes it (also done at process exit). */
export interface WorkDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as { code?: string }).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined; // vanished or cut short: treated as stale
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  try {
    writeFileSync(path, JSON.stringify(owner), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock of a work dir for this process: `<work_dir>/.dj-sandbox.lock` holding the pid. A lock whose pid is
 * dead on this host (a killed run) is stale and taken over; a live one is a config error naming the pid, so two runs
 * never write into one work dir at once. See docs/atomic-outputs.md.
 */
export function lockWorkDir(workDir: string): WorkDirLock {
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, LOCK_FILE_NAME);
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, owner)) return held(path);
    const current = readOwner(path);
    if (current && current.pid !== process.pid && (current.host !== owner.host || isAlive(current.pid))) {
      throw configError('work-dir-locked', `work_dir ${workDir} is in use by another run (pid ${current.pid}).`, {
        path: 'work_dir',
        received: `${path}: pid ${current.pid} on ${current.host}, started ${current.started}`,
        fix: `Wait for it to finish, stop it (kill ${current.pid}), or use another --work-dir.`,
      });
    }
    // stale (its process is gone): replace it by a rename, then check that this process won any race for it
    const temp = tempPathFor(path);
    writeFileSync(temp, JSON.stringify(owner));
    rmSync(path, { force: true });
    if (tryCreate(path, owner)) {
      rmSync(temp, { force: true });
      return held(path);
    }
    rmSync(temp, { force: true });
  }
  throw configError('work-dir-locked', `cannot take the lock of work_dir ${workDir}.`, {
    path: 'work_dir',
    fix: 'Another run keeps taking it; use another --work-dir.',
  });
}

function held(path: string): WorkDirLock {
  const release = () => {
    if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  process.once('exit', release);
  return {
    path,
    release() {
      process.off('exit', release);
      release();
    },
  };
}

/** Files a finished or killed run leaves in its work dir, which a new run must not mix with its own. */
export const RUN_RECORD_FILES = ['context_infos.json', 'tracker', 'run.json', 'events.jsonl'] as const;

/** How a run treats a work dir that holds an earlier run. */
export type WorkDirMode = 'resume' | 'fresh' | 'refuse';

/**
 * Makes a work dir ready for a run: with `resume`, nothing changes; with `fresh`, the earlier run's records
 * ({@link RUN_RECORD_FILES}) are removed; otherwise an earlier run is a config error that says how to proceed,
 * so a new run never mixes its records with an old one's.
 */
export function prepareWorkDir(workDir: string, mode: WorkDirMode): void {
  const earlier = RUN_RECORD_FILES.filter((name) => existsSync(join(workDir, name)));
  if (mode === 'resume' || earlier.length === 0) return;
  if (mode === 'fresh') {
    for (const name of earlier) rmSync(join(workDir, name), { recursive: true, force: true });
    return;
  }
  throw configError('work-dir-used', `work_dir ${workDir} holds an earlier run (${earlier.join(', ')}).`, {
    path: 'work_dir',
    expected: 'an empty work dir, or a flag that says what to do with the earlier run',
    fix: 'Add --resume to continue it, --fresh to discard its records and start over, or use another --work-dir.',
  });
}
