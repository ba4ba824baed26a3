import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { configError } from '@dj-sandbox/core';

/** One install command's arguments (after `pip install`). */
export type InstallArgs = readonly string[];

/** Splits text at whitespace, keeping single- and double-quoted parts together (no other shell syntax). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

/**
 * Turns one element of a dependency list into install arguments. A requirement with flags
 * (`flash-attn==2.3.6 --no-build-isolation`) becomes `['flash-attn==2.3.6', '--no-build-isolation']` — the reference
 * quoted it into one invalid requirement. A PEP 508 direct reference (`pkg @ https://...`) stays one argument.
 */
export function requirementArgs(element: string): string[] {
  const words = splitWords(element.trim());
  if (words.length === 0) return [];
  if (words[0]?.startsWith('-')) return words;
  const firstFlag = words.findIndex((w) => w.startsWith('-'));
  const requirement = firstFlag < 0 ? words : words.slice(0, firstFlag);
  const flags = firstFlag < 0 ? [] : words.slice(firstFlag);
  return [requirement.join(' '), ...flags];
}

/**
 * The install commands for a dependency spec: a directory is installed editable (`-e dir`), a file as a
 * requirements file (`-r file`), and a list in one command for plain requirements plus one command per element
 * that carries its own flags (so `--no-build-isolation` applies to that package only).
 */
export function installCommands(deps: string | readonly string[], baseDir: string, path = 'deps'): InstallArgs[] {
  if (typeof deps === 'string') {
    const target = isAbsolute(deps) ? deps : resolve(baseDir, deps);
    if (!existsSync(target)) {
      throw configError('python-deps-missing', `dependency path ${JSON.stringify(deps)} does not exist.`, {
        path,
        expected: 'a directory (installed editable), a requirements file, or a list of requirements',
        received: target,
        fix: 'Fix the path, or give the requirements as a YAML list.',
      });
    }
    return [statSync(target).isDirectory() ? ['-e', target] : ['-r', target]];
  }
  if (!Array.isArray(deps)) {
    throw configError('python-deps-type', 'dependencies have the wrong type.', {
      path,
      expected: 'a directory, a requirements file, or a list of requirement strings',
      received: deps,
    });
  }
  const plain: string[] = [];
  const flagged: InstallArgs[] = [];
  for (const [i, element] of deps.entries()) {
    if (typeof element !== 'string') {
      throw configError('python-deps-type', 'a dependency must be a string.', {
        path: `${path}[${i}]`,
        expected: 'a requirement such as numpy==2.1.0',
        received: element,
      });
    }
    const args = requirementArgs(element);
    if (args.length === 1 && !args[0]?.startsWith('-')) plain.push(args[0] as string);
    else if (args.length > 0) flagged.push(args);
  }
  return [...(plain.length ? [plain] : []), ...flagged];
}

/** What identifies the installed content of a dependency spec: requirements files by their text. */
export function depsFingerprint(commands: readonly InstallArgs[]): unknown[] {
  return commands.map((args) =>
    args[0] === '-r' && args[1] ? ['-r', args[1], readFileSync(args[1], 'utf8')] : [...args],
  );
}
