import { createReadStream, existsSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Row } from '@dj-sandbox/llm-infer';

/**
 * The append-only record of finished rows of one output file (`<output>.partial.jsonl`): a header line with the
 * fingerprint of the input and the request settings, then one `{"index": i, "row": {...}}` line per finished row,
 * in the order they finished. A killed run leaves it behind; the next run keeps the rows it holds when the
 * fingerprint matches and asks only the others. Once every row is done, the final file is written to a temporary
 * name in input order, renamed into place, and the partial file is removed.
 */
export class PartialFile {
  private constructor(
    readonly path: string,
    readonly done: Map<number, Row>,
  ) {}

  /** Opens the partial file of `output`, keeping its rows when it was written for the same `fingerprint`. */
  static async open(output: string, fingerprint: string): Promise<{ partial: PartialFile; discarded: boolean }> {
    const path = `${output}.partial.jsonl`;
    await mkdir(dirname(path), { recursive: true });
    const done = new Map<number, Row>();
    let discarded = false;
    if (existsSync(path)) {
      const kept = await readFinished(path, fingerprint);
      if (kept) for (const [index, row] of kept) done.set(index, row);
      else discarded = true;
    }
    if (done.size === 0) await writeFile(path, `${JSON.stringify({ fingerprint })}\n`);
    return { partial: new PartialFile(path, done), discarded };
  }

  /** Records a finished row (one appended line, so a kill loses at most the line being written). */
  async add(index: number, row: Row): Promise<void> {
    this.done.set(index, row);
    await appendFile(this.path, `${JSON.stringify({ index, row })}\n`);
  }

  /** Writes the rows in input order to `output` (temporary name, then rename) and removes the partial file. */
  async complete(output: string, total: number): Promise<void> {
    const lines: string[] = [];
    for (let i = 0; i < total; i++) lines.push(JSON.stringify(this.done.get(i)));
    const tmp = `${output}.tmp-${process.pid}`;
    await writeFile(tmp, lines.length ? `${lines.join('\n')}\n` : '');
    await rename(tmp, output);
    await rm(this.path, { force: true });
  }
}

async function readFinished(path: string, fingerprint: string): Promise<Map<number, Row> | null> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const done = new Map<number, Row>();
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      try {
        if ((JSON.parse(line) as { fingerprint?: string }).fingerprint !== fingerprint) return null;
      } catch {
        return null;
      }
      continue;
    }
    try {
      const entry = JSON.parse(line) as { index: number; row: Row };
      done.set(entry.index, entry.row);
    } catch {
      // The last line of a killed run may be cut short; that row is simply asked again.
    }
  }
  return header ? null : done;
}
