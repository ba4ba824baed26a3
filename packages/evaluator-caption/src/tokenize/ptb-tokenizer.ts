/**
 * The caption tokenisation of pycocoevalcap (`PTBTokenizer`): Stanford CoreNLP 3.4.1's PTBTokenizer with
 * `-preserveLines -lowerCase`, then every token in {@link PUNCTUATIONS} dropped and the rest joined by one space.
 * The rules below reproduce what that jar does to English captions (quotes, brackets, contractions, abbreviations,
 * numbers, currency); docs/caption-metrics.md lists them and what is not covered.
 */

/** The tokens pycocoevalcap removes after tokenising; case-sensitive, so the lower-cased `-lrb-` stays. */
export const PUNCTUATIONS: ReadonlySet<string> = new Set([
  "''",
  "'",
  '``',
  '`',
  '-LRB-',
  '-RRB-',
  '-LCB-',
  '-RCB-',
  '.',
  '?',
  '!',
  ',',
  ':',
  '-',
  '--',
  '...',
  ';',
]);

const OPENING: Readonly<Record<string, string>> = { '(': '-LRB-', '[': '-LSB-', '{': '-LCB-' };
const CLOSING: Readonly<Record<string, string>> = { ')': '-RRB-', ']': '-RSB-', '}': '-RCB-' };

/** Words the PTB lexer splits in two (`cannot` → `can not`, `gonna` → `gon na`). */
const SPLIT_WORDS: Readonly<Record<string, readonly [number, number]>> = {
  cannot: [3, 3],
  gonna: [3, 2],
  gotta: [3, 2],
  wanna: [3, 2],
  gimme: [3, 2],
  lemme: [3, 2],
  gotcha: [3, 3],
};

/** Abbreviations whose final period stays on the word (the lexer's abbreviation lists, for caption vocabulary). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr prof st ave jr sr vs etc inc ltd co corp mt ft rd blvd gen gov sen rep capt col lt sgt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no messrs mssrs esq rev hon pres supt fig dept univ assn bros'
  ).split(' '),
);

function normaliseCharacters(text: string): string {
  return text
    .replace(/[\u201C\u201E]/g, ' `` ')
    .replace(/\u201D/g, " '' ")
    .replace(/\u2018/g, ' ` ')
    .replace(/\u2019/g, "'")
    .replace(/[\u2013\u2014]/g, ' -- ')
    .replace(/\u2026/g, '...')
    .replace(/\u20AC/g, '$')
    .replace(/\u00A3/g, '#')
    .replace(/\u00BD/g, '1/2')
    .replace(/\u00BC/g, '1/4')
    .replace(/\u00BE/g, '3/4');
}

function isAbbreviation(word: string, isLastChunk: boolean): boolean {
  if (/^(?:\p{L}\.){2,}$/u.test(word) || /^\p{L}\.$/u.test(word)) return true;
  const stem = word.slice(0, -1).toLowerCase();
  if (stem === 'no') return !isLastChunk;
  return ABBREVIATIONS.has(stem);
}

/** Splits the clitics off a word: `isn't` → `is n't`, `they'd've` → `they 'd 've`, `1990's` → `1990 's`. */
function splitClitics(word: string): string[] {
  const tail: string[] = [];
  let rest = word;
  for (;;) {
    const m = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/i.exec(rest);
    if (!m || (m[2]!.toLowerCase() === "n't" && m[1]!.length === 0)) break;
    tail.unshift(m[2]!);
    rest = m[1]!;
  }
  const split = SPLIT_WORDS[rest.toLowerCase()];
  const head = split ? [rest.slice(0, split[0]), rest.slice(split[0])] : [rest];
  return [...head, ...tail];
}

function tokenizeCore(core: string, isLastChunk: boolean): string[] {
  if (core === '') return [];
  if (/^w\/$/i.test(core)) return [core.slice(0, 1), '/'];
  if (core === '->') return ['-', '>'];
  if (core === '<-') return ['<', '-'];
  const feet = /^(\d+)'(\d+)$/.exec(core);
  if (feet) return [feet[1]!, "'", feet[2]!];
  const clock = /^(\d{1,2}:\d{2})([ap]m)$/i.exec(core);
  if (clock) return [clock[1]!, clock[2]!];
  const yall = /^(y')(all)$/i.exec(core);
  if (yall) return [yall[1]!, yall[2]!];
  const tis = /^'(t)(is|was)$/i.exec(core);
  if (tis) return [`'${tis[1]}`, tis[2]!];
  if (core.endsWith('.') && core.length > 1 && !core.endsWith('..')) {
    if (isAbbreviation(core, isLastChunk)) return [core];
    return [...tokenizeCore(core.slice(0, -1), isLastChunk), '.'];
  }
  return splitClitics(core);
}

/** Tokenises one whitespace-free chunk: peels leading and trailing punctuation, then splits what remains. */
function tokenizeChunk(chunk: string, isLastChunk: boolean): string[] {
  const head: string[] = [];
  const tail: string[] = [];
  let s = chunk;
  for (let changed = true; changed && s.length > 0; ) {
    changed = false;
    const first = s[0]!;
    if (first === '"' && s.length > 1) {
      head.push('``');
    } else if (first === "'" && s.length > 1 && /^'\p{L}/u.test(s) && !/^'(?:s|re|ve|ll|d|m|t(?:is|was))$/i.test(s)) {
      head.push('`');
    } else if (first in OPENING) {
      head.push(OPENING[first]!);
    } else if ('$#\u00A5'.includes(first) && s.length > 1) {
      head.push(first);
    } else if (s.startsWith('--') && s.length > 2) {
      head.push('--');
      s = s.slice(2);
      changed = true;
      continue;
    } else {
      break;
    }
    s = s.slice(1);
    changed = true;
  }
  for (let changed = true; changed && s.length > 0; ) {
    changed = false;
    const trailing =
      /(\.\.\.|[!?]+|--)$/.exec(s) ??
      /["')\]}](\.)$/.exec(s) ??
      (s.length > 1 ? /([,;:%"])$/.exec(s) : null) ??
      (s.length > 1 ? /([)\]}])$/.exec(s) : null) ??
      (s.length > 1 && /[^\d']'$/.test(s) ? /(')$/.exec(s) : null);
    if (trailing && trailing[1]!.length < s.length) {
      const t = trailing[1]!;
      tail.unshift(t === '"' ? "''" : (CLOSING[t] ?? t));
      s = s.slice(0, -t.length);
      changed = true;
    }
  }
  if (s === '"') return [...head, "''", ...tail];
  if (s in OPENING) return [...head, OPENING[s]!, ...tail];
  if (s in CLOSING) return [...head, CLOSING[s]!, ...tail];
  return [...head, ...tokenizeCore(s, isLastChunk), ...tail];
}

/** The PTB tokens of one caption, lower-cased, before punctuation removal. */
export function ptbTokens(caption: string): string[] {
  const chunks = normaliseCharacters(caption.replace(/\n/g, ' '))
    .split(/\s+/)
    .filter((c) => c !== '');
  return chunks.flatMap((chunk, i) => tokenizeChunk(chunk, i === chunks.length - 1)).map((t) => t.toLowerCase());
}

/** A caption as pycocoevalcap's `PTBTokenizer.tokenize` returns it: tokens without punctuation, joined by spaces. */
export function tokenizeCaption(caption: string): string {
  return ptbTokens(caption)
    .filter((t) => !PUNCTUATIONS.has(t))
    .join(' ');
}
