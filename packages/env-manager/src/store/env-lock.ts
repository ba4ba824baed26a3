import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link withEnvLock}. */
export interface EnvLockOptions {
  /** Called once when another live process holds the lock. */
  onWait?(holderPid: number): void;
  /** Give up after this many milliseconds (default 2 hours: an env install can be long). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(lockDir: string): { pid: number; host: string } | undefined {
  try {
    return JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs `fn` while holding an exclusive lock on `lockDir` (an atomic `mkdir`), so two runs that need the same
 * environment never create it at once: the second waits, then finds it ready. A lock left by a killed process on
 * this host is detected by its pid and taken over.
 */
export async function withEnvLock<T>(lockDir: string, fn: () => Promise<T>, options: EnvLockOptions = {}): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + (options.timeoutMs ?? 2 * 3600_000);
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname() }));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = holder(lockDir);
      if (owner && owner.host === hostname() && !isAlive(owner.pid)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (owner && !told) {
        options.onWait?.(owner.pid);
        told = true;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the environment lock ${lockDir}`);
      options.signal?.throwIfAborted();
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
