import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configError } from '../errors/errors.ts';
import { type ConfigTree, expandDottedKeys, isMapping } from './config-tree.ts';

/** File extensions a job entry, `dj_configs` or `extra_configs` may point to (spec/sandbox.md §1.3). */
export const SIDE_CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/**
 * Loads a side config (a job file, `dj_configs` or `extra_configs` given as a path) the way the reference does:
 * YAML for `.yaml`/`.yml`, JSON for `.json`, relative to the working directory. Dotted keys are expanded.
 */
export function loadSideConfig(path: string, configPath: string, cwd: string = process.cwd()): ConfigTree {
  const ext = extname(path).toLowerCase();
  if (!(SIDE_CONFIG_EXTENSIONS as readonly string[]).includes(ext)) {
    throw configError('side-config-type', 'unrecognised config file type.', {
      path: configPath,
      expected: `a path ending in ${SIDE_CONFIG_EXTENSIONS.join(', ')}, or an inline mapping`,
      received: path,
      fix: 'Rename the file or inline its contents.',
    });
  }
  let text: string;
  try {
    text = readFileSync(path.startsWith('/') ? path : `${cwd}/${path}`, 'utf8');
  } catch (cause) {
    throw configError('side-config-missing', 'the config file does not exist.', {
      path: configPath,
      expected: 'an existing file (relative paths are resolved against the working directory)',
      received: path,
      fix: `Check the path, or run dj-sandbox from the folder it is relative to (cwd: ${cwd}).`,
      cause: String(cause),
    });
  }
  let parsed: unknown;
  try {
    parsed = ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw configError('side-config-parse', `cannot parse ${path}: ${(cause as Error).message}`, {
      path: configPath,
      location: { file: path },
    });
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isMapping(parsed)) {
    throw configError('side-config-shape', 'the config file must contain a mapping.', {
      path: configPath,
      location: { file: path },
      expected: 'a mapping (key: value pairs) at the top level',
      received: parsed,
    });
  }
  return expandDottedKeys(parsed) as ConfigTree;
}
