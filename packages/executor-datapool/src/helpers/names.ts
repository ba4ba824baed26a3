/** File extensions of data pools, longest first, so `x.jsonl.gz` is recognised before `x.gz`. */
export const POOL_EXTENSIONS = [
  '.jsonl.gz',
  '.jsonl.zst',
  '.json.gz',
  '.json.zst',
  '.jsonl',
  '.ndjson',
  '.json',
  '.parquet',
  '.csv',
  '.tsv',
] as const;

/** Python's `os.path.basename`. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Python's `splitext`: the last extension, unless the name starts with its only dot. */
function splitext(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(name.slice(0, dot + 1))) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/** The reference's `basename_noext`: the basename with its last extension removed (`a.v1.jsonl` → `a.v1`). */
export function basenameNoext(path: string): string {
  return splitext(basename(path.replace(/\/+$/, '')))[0];
}

/**
 * The reference's `lcp`: the character-wise longest common prefix of the inputs' `basename_noext` (`""` for none,
 * the whole name for one).
 */
export function lcp(paths: readonly string[]): string {
  const names = paths.map(basenameNoext);
  if (names.length === 0) return '';
  let prefix = names[0]!;
  for (const name of names.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < name.length && prefix[i] === name[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/**
 * Data-Juicer's `add_suffix_to_filename`, fixed for dotted basenames: a suffix is inserted before a known data-pool
 * extension (`data.jsonl` + `_x2` → `data_x2.jsonl`); a name without one gets the suffix appended
 * (`data.v1` + `_x2.jsonl` → `data.v1_x2.jsonl`, where the reference wrote `data_x2.jsonl.v1`).
 */
export function addSuffixToFilename(name: string, suffix: string): string {
  const ext = POOL_EXTENSIONS.find((e) => name.toLowerCase().endsWith(e));
  return ext ? `${name.slice(0, -ext.length)}${suffix}${name.slice(-ext.length)}` : `${name}${suffix}`;
}
