import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { SourceLocation } from '../errors/dj-sandbox-error.ts';
import { configError } from '../errors/errors.ts';
import { type ConfigTree, expandDottedKeys, isMapping } from './config-tree.ts';
import { parseSource } from './parse-source.ts';

/** File extensions a job entry, `dj_configs` or `extra_configs` may point to (docs/config.md#job-entries). */
export const SIDE_CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/**
 * Loads a side config (a job file, `dj_configs` or `extra_configs` given as a path) the way the reference does:
 * YAML for `.yaml`/`.yml`, JSON for `.json`, relative to the working directory. Dotted keys are expanded.
 */
export function loadSideConfig(path: string, configPath: string, cwd: string = process.cwd()): ConfigTree {
  return loadSideConfigSource(path, configPath, cwd).tree;
}

/** A side config with the means to point at its keys: `locate(['process', 0, 'x'])` → `file:line:column`. */
export interface SideConfigSource {
  tree: ConfigTree;
  file: string;
  locate(path: ReadonlyArray<string | number>): SourceLocation;
}

/** {@link loadSideConfig}, keeping the positions of the YAML keys for error messages. */
export function loadSideConfigSource(path: string, configPath: string, cwd: string = process.cwd()): SideConfigSource {
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
  let locate: SideConfigSource['locate'] = () => ({ file: path });
  if (ext === '.json') {
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      throw configError('side-config-parse', `cannot parse ${path}: ${(cause as Error).message}`, {
        path: configPath,
        location: { file: path },
      });
    }
  } else {
    const source = parseSource(text, path);
    if ('code' in source) throw source;
    parsed = source.value;
    locate = source.locate;
  }
  if (parsed === null || parsed === undefined) return { tree: {}, file: path, locate };
  if (!isMapping(parsed)) {
    throw configError('side-config-shape', 'the config file must contain a mapping.', {
      path: configPath,
      location: { file: path },
      expected: 'a mapping (key: value pairs) at the top level',
      received: parsed,
    });
  }
  return { tree: expandDottedKeys(parsed) as ConfigTree, file: path, locate };
}
