import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** Data-Juicer's folder name for files that operators produce next to their inputs. */
export const PRODUCED_DIR = '__dj__produced_data__';

/** The field that remembers which original file a produced file came from. */
export const SOURCE_FILE_KEY = '__dj__source_file__';

/** Python's `os.path.splitext` on a basename: the extension is the text from the last dot (a leading dot is none). */
function splitExt(name: string): [string, string] {
  const ext = extname(name);
  return [name.slice(0, name.length - ext.length), ext];
}

/** Data-Juicer's `add_suffix_to_filename`: `abc.mp4` + `_0` gives `abc_0.mp4`. */
export function addSuffixToFilename(path: string, suffix: string): string {
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}${suffix}${ext}`;
}

/**
 * Data-Juicer's `transfer_filename`: where an op writes the file it makes from `original`. `save_dir` wins, then
 * `DJ_PRODUCED_DATA_DIR/<op>`, else `<original's folder>/__dj__produced_data__/<op>` (a folder already inside one
 * is reused). The name is `<stem>__dj_hash_#<hash>#<ext>`, an earlier hash replaced. Data-Juicer hashes the op's
 * parameters with its pid and the time, so each run writes new files; this hash covers the parameters and the
 * source path only, so a rerun reuses what it wrote (see docs/media-operators.md). A path that does not exist
 * (a URL) is returned unchanged, as Data-Juicer does. The folder is created.
 */
export function producedPath(
  original: string,
  op: string,
  saveDir: string | null | undefined,
  params: Record<string, unknown>,
): string {
  if (!existsSync(original)) return original;
  let dir: string;
  const envDir = process.env.DJ_PRODUCED_DATA_DIR;
  if (saveDir) dir = resolve(saveDir);
  else if (envDir) dir = join(resolve(envDir), op);
  else {
    let base = dirname(original);
    const token = `/${PRODUCED_DIR}/`;
    if (`${base}/`.includes(token)) base = base.split(token)[0]!;
    dir = join(base, PRODUCED_DIR, op);
  }
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256')
    .update(JSON.stringify({ op, params: sortKeys(params), source: resolve(original) }))
    .digest('hex');
  let [stem, ext] = splitExt(basename(original));
  const previous = /__dj_hash_#(.*?)#/.exec(stem);
  if (previous) stem = stem.slice(0, previous.index);
  return join(dir, `${stem}__dj_hash_#${hash}#${ext}`);
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, value[k]]),
  );
}
