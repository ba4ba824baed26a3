import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Lockfiles and the install command of the package manager that writes each, most specific first. */
const LOCKFILES: ReadonlyArray<readonly [file: string, command: string]> = [
  ['pnpm-lock.yaml', 'pnpm add'],
  ['yarn.lock', 'yarn add'],
  ['bun.lock', 'bun add'],
  ['bun.lockb', 'bun add'],
  ['package-lock.json', 'npm i'],
  ['npm-shrinkwrap.json', 'npm i'],
];

/** The package manager's install command for a project: from the nearest lockfile at or above `dir`, else npm. */
export function installCommandPrefix(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    const found = LOCKFILES.find(([file]) => existsSync(join(current, file)));
    if (found) return found[1];
    if (dirname(current) === current) return 'npm i';
  }
}

/** One command that installs every package, with the project's package manager. */
export function installCommand(packages: readonly string[], dir: string): string {
  return `${installCommandPrefix(dir)} ${packages.join(' ')}`;
}
