import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { configError } from '@dj-sandbox/core';

const require = createRequire(import.meta.url);

/** The two kinds of word list Data-Juicer ships as assets. */
export type WordListKind = 'stopwords' | 'flagged_words';

/** Word sets per language, including the synthetic `all`. */
export type WordLists = ReadonlyMap<string, ReadonlySet<string>>;

const cache = new Map<string, WordLists>();

/**
 * Loads word lists the way Data-Juicer does (docs/text-operators.md#word-lists): from `dir`, every `*.json` whose name
 * contains the kind is merged (`{lang: [words]}`, lists concatenated per language); with no `dir`, the bundled lists
 * are used (`stopwords-iso` for stopwords, `naughty-words` (LDNOOBW, which Data-Juicer's list derives from) for flagged
 * words). `all` is the union of every language unless the files define it.
 */
export function loadWordLists(kind: WordListKind, dir: string | null | undefined, op: string): WordLists {
  const cacheKey = `${kind}\0${dir ?? ''}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const raw = dir ? readListsFromDir(kind, dir, op) : bundledLists(kind);
  const lists = new Map<string, Set<string>>();
  for (const [lang, words] of raw) {
    const set = lists.get(lang) ?? new Set<string>();
    for (const w of words) set.add(w);
    lists.set(lang, set);
  }
  if (!lists.has('all')) {
    const all = new Set<string>();
    for (const set of lists.values()) for (const w of set) all.add(w);
    lists.set('all', all);
  }
  cache.set(cacheKey, lists);
  return lists;
}

function readListsFromDir(kind: WordListKind, dir: string, op: string): Array<[string, string[]]> {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json') && n.includes(kind))
      .sort();
  } catch (cause) {
    throw configError('op-word-list-dir', `${op}: cannot read ${kind}_dir '${dir}'`, {
      path: `${op}.${kind}_dir`,
      expected: 'a readable folder',
      received: String(cause),
      fix: `point ${kind}_dir at a folder with ${kind}*.json files, or remove it to use the bundled lists`,
    });
  }
  if (names.length === 0) {
    throw configError('op-word-list-missing', `${op}: no ${kind} JSON file in '${dir}'`, {
      path: `${op}.${kind}_dir`,
      expected: `a file named like ${kind}.json holding {lang: [words]}`,
      received: 'no matching file',
      fix: `add ${kind}.json to that folder, or remove ${kind}_dir to use the bundled lists`,
    });
  }
  const out: Array<[string, string[]]> = [];
  for (const name of names) {
    const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, string[]>;
    for (const [lang, words] of Object.entries(data)) out.push([lang, words]);
  }
  return out;
}

function bundledLists(kind: WordListKind): Array<[string, string[]]> {
  const data =
    kind === 'stopwords'
      ? (require('stopwords-iso') as Record<string, string[]>)
      : (require('naughty-words') as Record<string, string[]>);
  return Object.entries(data);
}

/** The word set of one language; an unknown language is a config error listing the known ones. */
export function wordSetFor(lists: WordLists, lang: string, kind: WordListKind, op: string): ReadonlySet<string> {
  const set = lists.get(lang);
  if (set) return set;
  throw configError('op-word-list-lang', `${op}: no ${kind} list for language '${lang}'`, {
    path: `${op}.lang`,
    expected: `one of ${[...lists.keys()].sort().join(', ')}`,
    received: lang,
    fix: `pick a listed language, 'all', or give ${kind}_dir with a list for '${lang}'`,
  });
}
