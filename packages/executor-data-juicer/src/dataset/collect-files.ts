import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { configError } from '@dj-sandbox/core';
import { FORMATTER_SUFFIXES, type FormatterName, fileSuffix, formatterFor } from './formats.ts';

/** The files of one dataset path that will be loaded, and the formatter that loads them. */
export interface DatasetFiles {
  readonly formatter: FormatterName;
  readonly files: readonly string[];
  /** Files skipped because another formatter covers more files (logged, as Data-Juicer silently ignores them). */
  readonly ignored: readonly string[];
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

function normaliseSuffixes(suffixes: unknown): string[] {
  if (suffixes === null || suffixes === undefined) return [];
  const list = Array.isArray(suffixes) ? suffixes : [suffixes];
  return list.map((s) => {
    const t = String(s).toLowerCase();
    return t.startsWith('.') ? t : `.${t}`;
  });
}

/**
 * Collects the files of a dataset path (docs/recipes.md#loading-files): a file, or every file under a folder
 * (recursively, in name order), restricted to `suffixes` when given; the formatter covering the most files wins and
 * only its files are loaded.
 */
export function collectFiles(path: string, suffixes: unknown, configPath: string): DatasetFiles {
  const all: string[] = [];
  if (statSync(path).isDirectory()) walk(path, all);
  else all.push(path);
  const wanted = normaliseSuffixes(suffixes);
  const kept = wanted.length
    ? all.filter((f) => {
        const s = fileSuffix(basename(f)).toLowerCase();
        return wanted.includes(s) || wanted.some((w) => s.endsWith(w));
      })
    : all;
  const counts = new Map<FormatterName, string[]>();
  const unknown: string[] = [];
  for (const file of kept) {
    const formatter = formatterFor(fileSuffix(basename(file)));
    if (!formatter) {
      unknown.push(file);
      continue;
    }
    counts.set(formatter, [...(counts.get(formatter) ?? []), file]);
  }
  let best: FormatterName | undefined;
  for (const [name] of FORMATTER_SUFFIXES) {
    const n = counts.get(name)?.length ?? 0;
    if (n > 0 && (best === undefined || n > counts.get(best)!.length)) best = name;
  }
  if (!best) {
    throw configError('dataset-no-files', 'no loadable file found in the dataset path.', {
      path: configPath,
      expected:
        'files ending in .jsonl, .json, .parquet, .csv, .tsv, .txt or another text suffix (optionally .gz / .zst)',
      received: kept.length ? kept.slice(0, 5).map((f) => basename(f)) : path,
      fix: wanted.length ? 'Check `suffixes`.' : 'Point dataset_path at a data file or a folder of them.',
    });
  }
  const files = counts.get(best)!;
  return { formatter: best, files, ignored: kept.filter((f) => !files.includes(f)) };
}
