/** Python's `os.path.dirname` (no normalisation: `./a/b` → `./a`, `b` → ``). */
export function pyDirname(path: string): string {
  const cut = path.lastIndexOf('/') + 1;
  const head = path.slice(0, cut);
  return head && head !== '/'.repeat(head.length) ? head.replace(/\/+$/, '') : head;
}

/** Python's `os.path.join` (no normalisation, so paths keep the form a config wrote: `./out/x`). */
export function pyJoin(...parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (part.startsWith('/')) out = part;
    else if (out === '' || out.endsWith('/')) out += part;
    else out += `/${part}`;
  }
  return out;
}

/**
 * The reference's `export_path` rewrite for iteration `n` (docs/config.md#iteration-paths): a path whose basename has a
 * dot that is not its first character is a file (`dir/iter_<n>/file`); anything else is a directory (`dir/iter_<n>`).
 * Paths are joined the way Python joins them, without normalising `./`.
 */
export function iterPath(path: string, n: number): string {
  const stripped = path.replace(/[/\\]+$/, '');
  const base = stripped.slice(stripped.lastIndexOf('/') + 1);
  if (base.includes('.') && !base.startsWith('.')) return pyJoin(pyDirname(stripped), `iter_${n}`, base);
  return pyJoin(path, `iter_${n}`);
}
