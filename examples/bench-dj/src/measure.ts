// Runs one command and measures its whole process tree: wall time, CPU (user + sys of every waited descendant, from
// /usr/bin/time) and peak RSS (the sum over the tree, sampled from /proc every 100 ms; forked children that share
// pages are counted in full, as `ps` would).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGE = 4096;

/** Wall, CPU and peak RSS of a command's process tree. */
export interface Measured {
  wallS: number;
  cpuS: number;
  peakRssMiB: number;
  exitCode: number;
}

function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `argv` in `cwd` with extra `env`, its output to `logFile`. */
export async function measure(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; logFile: string; timeFile: string },
): Promise<Measured> {
  const { openSync, closeSync, existsSync } = await import('node:fs');
  if (!existsSync('/usr/bin/time'))
    throw new Error(
      'bench:dj measures CPU with /usr/bin/time, which is missing: install it (apt-get install -y time).',
    );
  const log = openSync(options.logFile, 'w');
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', options.timeFile, ...argv], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
  });
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 100);
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  closeSync(log);
  const wallS = (performance.now() - started) / 1000;
  const [, user, sys] = readFileSync(options.timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wallS: round(wallS), cpuS: round(user! + sys!), peakRssMiB: Math.round(peak / 1048576), exitCode };
}

/** Rounds to 2 decimals. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The JSON rows of a JSONL file. */
export function readRows(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** `dir/name`. */
export const at = (dir: string, name: string): string => join(dir, name);
