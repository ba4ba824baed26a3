import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { PathBase } from './path-base.ts';
import { isRecord } from './read-files.ts';

const SKIP = new Set(['node_modules', '.git']);
/** Enough for any work dir a person reads a report of; a runaway tree is cut, not crawled. */
const MAX_DIRS = 5000;

/** Every folder under `root` (itself included), breadth first, at most `maxDepth` levels down. */
export function walkDirs(root: string, maxDepth: number): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const out: string[] = [];
  let level = [root];
  for (let depth = 0; depth <= maxDepth && level.length > 0 && out.length < MAX_DIRS; depth++) {
    for (const dir of level) out.push(dir);
    const next: string[] = [];
    for (const dir of level) {
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue; // unreadable folders are simply not part of the report
      }
      for (const e of entries) {
        if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) next.push(join(dir, e.name));
      }
    }
    level = next;
  }
  return out.slice(0, MAX_DIRS);
}

/** Every file under `root` whose name ends with `suffix`. */
export function findFiles(root: string, suffix: string, maxDepth: number): string[] {
  const out: string[] = [];
  for (const dir of walkDirs(root, maxDepth)) {
    try {
      for (const name of readdirSync(dir)) if (name.endsWith(suffix)) out.push(join(dir, name));
    } catch {
      // a folder removed while we walk: nothing to show from it
    }
  }
  return out;
}

function exportPaths(value: unknown, out: string[]): void {
  if (Array.isArray(value)) for (const v of value) exportPaths(v, out);
  else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (/^export_(path|dir)$/.test(k) && typeof v === 'string') out.push(v);
      else exportPaths(v, out);
    }
  }
}

/** The existing folders that `export_path` keys of the config point into (a file's folder, or the folder itself). */
export function collectExportDirs(config: Record<string, unknown> | null, paths: PathBase): string[] {
  const recorded: string[] = [];
  exportPaths(config, recorded);
  const dirs = new Set<string>();
  for (const p of recorded) {
    const local = paths.resolve(p);
    const dir = p.endsWith('/') || extname(local) === '' ? local : dirname(local);
    if (existsSync(dir)) dirs.add(dir);
  }
  return [...dirs];
}
