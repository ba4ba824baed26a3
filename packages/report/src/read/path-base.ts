import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

/**
 * Resolves the paths a run recorded. Jobs record paths relative to the config's folder (`./outputs/...`) or
 * absolute; a work dir copied elsewhere (a colleague's machine, a test fixture) must still resolve them, so the
 * base is the config's folder when the work dir is still where the config put it, and otherwise is inferred by
 * stripping the config's `work_dir` from the work dir's real path.
 */
export interface PathBase {
  /** The folder relative paths resolve against. */
  readonly base: string;
  /** The config's folder when the run happened, when known. */
  readonly originalBase: string | null;
  /** An absolute path on this machine for a recorded path. */
  resolve(recorded: string): string;
  /** A short, stable name for a recorded path: relative to the base when inside it. */
  display(recorded: string): string;
}

function inferBase(workDir: string, originalBase: string | null, configWorkDir: string | null): string {
  if (originalBase && configWorkDir && resolve(originalBase, configWorkDir) === workDir && existsSync(originalBase)) {
    return originalBase;
  }
  if (configWorkDir && !isAbsolute(configWorkDir)) {
    const tail = normalize(configWorkDir).replace(/[/\\]+$/, '');
    if (tail === '.' || tail === '') return workDir;
    if (workDir.endsWith(`${sep}${tail}`)) return workDir.slice(0, -tail.length - 1) || sep;
  }
  return originalBase && existsSync(originalBase) ? originalBase : workDir;
}

/** Builds the path base of a work dir from its `run.json` facts. */
export function pathBase(workDir: string, configFile: string | null, configWorkDir: string | null): PathBase {
  const absWorkDir = resolve(workDir);
  const originalBase = configFile && isAbsolute(configFile) ? dirname(configFile) : null;
  const base = inferBase(absWorkDir, originalBase, configWorkDir);
  const toLocal = (recorded: string): string => {
    if (!isAbsolute(recorded)) return resolve(base, recorded);
    if (originalBase && originalBase !== base && recorded.startsWith(originalBase + sep)) {
      return join(base, relative(originalBase, recorded));
    }
    return normalize(recorded);
  };
  return {
    base,
    originalBase,
    resolve: toLocal,
    display(recorded) {
      const local = toLocal(recorded);
      const rel = relative(base, local);
      return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : local;
    },
  };
}
