import { cosmiconfig } from 'cosmiconfig';

/** File names searched for a sandbox config, in order. */
export const SEARCH_PLACES = [
  'package.json',
  'dj-sandbox.config.yaml',
  'dj-sandbox.config.yml',
  'dj-sandbox.config.json',
  'dj-sandbox.config.mjs',
  'dj-sandbox.config.ts',
  '.dj-sandboxrc',
  '.dj-sandboxrc.yaml',
  '.dj-sandboxrc.yml',
  '.dj-sandboxrc.json',
];

/**
 * The loader for files that parseSource re-reads with positions: it only has to tell cosmiconfig the file is a
 * config. It must not return null — cosmiconfig treats a null config as an empty file and searches on.
 */
const acceptFile = () => ({});

/** A config found by discovery: its file and, for JS/TS configs, the value already evaluated. */
export interface DiscoveredConfig {
  file: string;
  /** Set for `.mjs` / `.ts` configs and `package.json#dj-sandbox`; YAML/JSON files are parsed with positions instead. */
  value?: unknown;
}

/**
 * Finds the sandbox config from `cwd` upwards to the project root (cosmiconfig 9 with `searchStrategy: 'project'`,
 * since its default searches only the working directory).
 */
export async function discoverConfig(cwd: string): Promise<DiscoveredConfig | undefined> {
  const explorer = cosmiconfig('dj-sandbox', {
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'project',
    // YAML/JSON are re-read by parseSource for positions; the loader only has to accept the file.
    loaders: { '.yaml': acceptFile, '.yml': acceptFile, noExt: acceptFile },
  });
  const found = await explorer.search(cwd);
  if (!found) return undefined;
  const isData = /\.(ya?ml|json)$|\.dj-sandboxrc$/.test(found.filepath) && !found.filepath.endsWith('package.json');
  return isData ? { file: found.filepath } : { file: found.filepath, value: found.config };
}

/** Evaluates a JS/TS config file given with --config (default export, possibly a promise). */
export async function loadCodeConfig(file: string): Promise<unknown> {
  const explorer = cosmiconfig('dj-sandbox', { searchStrategy: 'none' });
  const result = await explorer.load(file);
  return result?.config;
}
