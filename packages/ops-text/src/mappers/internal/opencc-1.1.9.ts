import { readFileSync } from 'node:fs';

/**
 * OpenCC 1.1.9, the version Data-Juicer 1.6.1 pins (`opencc==1.1.9`), run from its own dictionaries and configs
 * (`resources/opencc-1.1.9/` of this package, Apache-2.0, with the generated `TWPhrases`/`*Rev` files made by OpenCC's
 * merge.py / reverse.py). opencc-js bundles newer dictionaries that convert some phrases differently (少长咸集 →
 * 少長咸集 where 1.1.9 writes 少長鹹集), so Data-Juicer's results are reproduced with these. The algorithm is
 * OpenCC's: max-match segmentation, then each conversion of the chain applied to every segment by longest prefix,
 * a dict group answering with its first dict that matches. See docs/operators.md.
 */
// the package's resources/ folder, from src/mappers/internal/ and from dist/mappers/internal/ alike
const RESOURCES = new URL('../../../resources/opencc-1.1.9/', import.meta.url);

interface DictNode {
  type: 'ocd2' | 'text' | 'group';
  file?: string;
  dicts?: DictNode[];
}

interface ConfigFile {
  segmentation: { type: string; dict: DictNode };
  conversion_chain: Array<{ dict: DictNode }>;
}

/** A dictionary: key → first candidate, and the longest key length in code units. */
interface Dict {
  entries: Map<string, string>;
  maxLength: number;
}

const dictCache = new Map<string, Dict>();

function loadDict(file: string): Dict {
  const name = file.replace(/\.(ocd2|ocd|txt)$/, '');
  let dict = dictCache.get(name);
  if (dict) return dict;
  const entries = new Map<string, string>();
  let maxLength = 0;
  for (const line of readFileSync(new URL(`${name}.txt`, RESOURCES), 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const key = line.slice(0, tab);
    const value = line.slice(tab + 1).split(' ')[0]!;
    entries.set(key, value);
    if (key.length > maxLength) maxLength = key.length;
  }
  dict = { entries, maxLength };
  dictCache.set(name, dict);
  return dict;
}

function dictsOf(node: DictNode): Dict[] {
  if (node.type === 'group') return (node.dicts ?? []).flatMap(dictsOf);
  return [loadDict(node.file!)];
}

/** The longest key of the first dict that has one at `at`: [length, value], or undefined. */
function matchPrefix(dicts: readonly Dict[], text: string, at: number): [number, string] | undefined {
  for (const dict of dicts) {
    for (let length = Math.min(dict.maxLength, text.length - at); length > 0; length--) {
      const value = dict.entries.get(text.slice(at, at + length));
      if (value !== undefined) return [length, value];
    }
  }
  return undefined;
}

const charLength = (text: string, at: number) => ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);

function segment(dicts: readonly Dict[], text: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let at = 0; at < text.length; ) {
    const matched = matchPrefix(dicts, text, at);
    if (!matched) {
      at += charLength(text, at);
      continue;
    }
    if (start < at) segments.push(text.slice(start, at));
    segments.push(text.slice(at, at + matched[0]));
    at += matched[0];
    start = at;
  }
  if (start < text.length) segments.push(text.slice(start));
  return segments;
}

function convert(dicts: readonly Dict[], text: string): string {
  let out = '';
  for (let at = 0; at < text.length; ) {
    const matched = matchPrefix(dicts, text, at);
    if (matched) {
      out += matched[1];
      at += matched[0];
    } else {
      const n = charLength(text, at);
      out += text.slice(at, at + n);
      at += n;
    }
  }
  return out;
}

/** A converter for one of OpenCC 1.1.9's configs (`s2t`, `s2tw`, `t2jp`, ...). */
export function openccConverter(config: string): (text: string) => string {
  const file = JSON.parse(readFileSync(new URL(`config/${config}.json`, RESOURCES), 'utf8')) as ConfigFile;
  const segmentation = dictsOf(file.segmentation.dict);
  const chain = file.conversion_chain.map((step) => dictsOf(step.dict));
  return (text) => {
    let out = '';
    for (const piece of segment(segmentation, text)) {
      let converted = piece;
      for (const dicts of chain) converted = convert(dicts, converted);
      out += converted;
    }
    return out;
  };
}
