/**
 * An ftfy-like `fix_text(text, normalization)` for fix_unicode_mapper (docs/text-operators.md#mappers), applying ftfy
 * 6's default steps in its order, line by line, until the text stops changing: HTML entity decoding (only while no `<`
 * has been seen, ftfy's "auto"), mojibake repair, C1 controls read as windows-1252, Latin ligatures split, full-width
 * forms to ASCII width, quotes uncurled, line breaks to `\n`, lone surrogates to U+FFFD, terminal escapes and control
 * characters removed, then Unicode normalization.
 */
import { decodeHTMLStrict } from 'entities';
import { c1ToCp1252 } from './cp1252.ts';
import { fixEncoding } from './fix-encoding.ts';

/** Normalization forms fix_unicode_mapper accepts. */
export type NormalizationForm = 'NFC' | 'NFKC' | 'NFD' | 'NFKD';

const HTML_ENTITY = /&#?[0-9A-Za-z]{1,24};/g;
const C1 = /[\u0080-\u009f]/g;
const SINGLE_QUOTE = /[\u02bc\u2018-\u201b]/g;
const DOUBLE_QUOTE = /[\u201c-\u201f]/g;
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is exactly what terminal escapes start with
const ANSI = /\x1b\[((?:\d|;)*)([a-zA-Z])/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ftfy removes exactly these control characters
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f\u206a-\u206f\ufeff\ufff9-\ufffc]/g;
const LIGATURES: Record<string, string> = {
  Ĳ: 'IJ',
  ĳ: 'ij',
  ŉ: 'ʼn',
  Ǳ: 'DZ',
  ǲ: 'Dz',
  ǳ: 'dz',
  Ǆ: 'DŽ',
  ǅ: 'Dž',
  ǆ: 'dž',
  Ǉ: 'LJ',
  ǈ: 'Lj',
  ǉ: 'lj',
  Ǌ: 'NJ',
  ǋ: 'Nj',
  ǌ: 'nj',
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'ſt',
  ﬆ: 'st',
};
const LIGATURE_RE = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'g');

// ftfy's WIDTH_MAP: U+3000 and every U+FF01–U+FFEF whose NFKC form differs.
const WIDTH_MAP = new Map<string, string>([['\u3000', ' ']]);
for (let cp = 0xff01; cp < 0xfff0; cp++) {
  const c = String.fromCharCode(cp);
  const alt = c.normalize('NFKC');
  if (alt !== c) WIDTH_MAP.set(c, alt);
}
const WIDTH_RE = /[\u3000\uff01-\uffef]/g;

function unescapeEntity(entity: string): string {
  if (entity.startsWith('&#')) {
    const decoded = decodeHTMLStrict(entity);
    return decoded.includes(';') ? entity : decoded;
  }
  const decoded = decodeHTMLStrict(entity);
  if (decoded !== entity) return decoded;
  // ftfy also decodes an all-caps spelling of a lower-case entity name (`&NTILDE;` → Ñ).
  const lower = entity.toLowerCase();
  if (entity !== lower && entity === entity.toUpperCase()) {
    const viaLower = decodeHTMLStrict(lower);
    if (viaLower !== lower) return viaLower.toUpperCase();
  }
  return entity;
}

function fixSegment(text: string, unescapeHtml: boolean, form: NormalizationForm): string {
  for (;;) {
    const orig = text;
    if (unescapeHtml && text.includes('&')) text = text.replace(HTML_ENTITY, unescapeEntity);
    text = fixEncoding(text);
    text = text.replace(C1, c1ToCp1252);
    text = text.replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c);
    text = text.replace(WIDTH_RE, (c) => WIDTH_MAP.get(c) ?? c);
    text = text.replace(DOUBLE_QUOTE, '"').replace(SINGLE_QUOTE, "'");
    text = text.replace(LINE_BREAKS, '\n');
    text = text.replace(LONE_SURROGATE, '\ufffd');
    text = text.replace(ANSI, '');
    text = text.replace(CONTROL, '');
    text = text.normalize(form);
    if (text === orig) return text;
  }
}

/** ftfy's `fix_text(text, normalization=form)` with its other defaults (see the file header). */
export function fixText(text: string, form: NormalizationForm = 'NFC'): string {
  let out = '';
  let unescapeHtml = true;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const segment = text.slice(pos, end);
    // ftfy's "auto": once a segment contains `<`, entities are left alone for the rest of the text.
    if (unescapeHtml && segment.includes('<')) unescapeHtml = false;
    out += fixSegment(segment, unescapeHtml, form);
    pos = end;
  }
  return out;
}
