/**
 * The text content of an HTML document's `<body>`, as selectolax's `HTMLParser(html).text()` returns it (what
 * Data-Juicer's clean_html_mapper calls): every text node of the body concatenated with no separator, entities
 * decoded, comments/doctype/tags dropped. A small HTML5-style tokenizer with just enough of the tree-construction
 * rules to tell head from body: leading whitespace before the body is dropped, `<title>`/`<script>`/`<style>` in the
 * head are not body text, `<script>`/`<style>` (raw text) and `<title>`/`<textarea>` (entities decoded) in the body
 * are, and text after `</body>` or `</html>` still is.
 */
import { decodeHTML } from 'entities';

const RAWTEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes']);
const RCDATA = new Set(['title', 'textarea']);
const HEAD_ELEMENTS = new Set([
  'title',
  'script',
  'style',
  'meta',
  'link',
  'base',
  'basefont',
  'bgsound',
  'noscript',
  'template',
]);
const LEADING_WS = /^[\t\n\f\r ]+/;
const TAG_NAME = /[^\t\n\f />]*/y;
const NEWLINES = /\r\n?/g;

type Mode = 'pre' | 'head' | 'afterHead' | 'body';

/** Returns the body text of an HTML string (see the file header for the rules). */
export function htmlBodyText(html: string): string {
  const src = html.includes('\r') ? html.replace(NEWLINES, '\n') : html;
  const n = src.length;
  let mode: Mode = 'pre';
  let out = '';
  let i = 0;
  let lower: string | undefined;

  const text = (raw: string, decode: boolean) => {
    if (raw.length === 0) return;
    let t = decode && raw.includes('&') ? decodeHTML(raw) : raw;
    if (t.includes('\0')) t = t.replaceAll('\0', '');
    if (mode !== 'body') {
      t = t.replace(LEADING_WS, '');
      if (t.length === 0) return;
      mode = 'body';
    }
    out += t;
  };

  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt === -1) {
      text(src.slice(i), true);
      break;
    }
    const next = src.charCodeAt(lt + 1);
    const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (isLetter(next)) {
      text(src.slice(i, lt), true);
      TAG_NAME.lastIndex = lt + 1;
      const name = (TAG_NAME.exec(src)?.[0] ?? '').toLowerCase();
      const end = findTagEnd(src, lt + 1 + name.length);
      if (end === -1) break;
      i = end + 1;
      const inHead = mode !== 'body' && (name === 'head' || HEAD_ELEMENTS.has(name));
      if (name === 'head' && mode === 'pre') mode = 'head';
      else if (name !== 'html' && name !== 'head' && !inHead) mode = 'body';
      if (RAWTEXT.has(name) || RCDATA.has(name)) {
        lower ??= src.toLowerCase();
        const close = findClose(lower, i, name);
        const content = src.slice(i, close);
        if (!inHead) text(content, RCDATA.has(name));
        i = close === n ? n : findTagEnd(src, close + 2 + name.length) + 1 || n;
      } else if (name === 'plaintext') {
        text(src.slice(i), false);
        break;
      }
      continue;
    }
    if (next === 0x2f /* / */ && isLetter(src.charCodeAt(lt + 2))) {
      text(src.slice(i, lt), true);
      TAG_NAME.lastIndex = lt + 2;
      const name = (TAG_NAME.exec(src)?.[0] ?? '').toLowerCase();
      const end = findTagEnd(src, lt + 2 + name.length);
      if (end === -1) break;
      if (name === 'head' && mode === 'head') mode = 'afterHead';
      i = end + 1;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || (next === 0x2f && src.charCodeAt(lt + 2) !== 0x3e)) {
      text(src.slice(i, lt), true);
      if (src.startsWith('<!--', lt)) {
        const close = src.indexOf('-->', lt + 4);
        i = close === -1 ? n : close + 3;
      } else {
        const close = src.indexOf('>', lt + 2);
        i = close === -1 ? n : close + 1;
      }
      continue;
    }
    // A `<` that starts no markup is a literal character.
    text(src.slice(i, lt + 1), true);
    i = lt + 1;
  }
  return out;
}

/** Index of the `>` closing a tag whose attributes start at `from` (quoted attribute values may hold `>`). */
function findTagEnd(src: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let j = from; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x3e) return j;
    if ((c === 0x22 || c === 0x27) && afterEquals) quote = c;
    if (c === 0x3d) afterEquals = true;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) afterEquals = false;
  }
  return -1;
}

/** Index of the `</name` that ends a raw-text or RCDATA element's content (case-insensitive), or the end. */
function findClose(lower: string, from: number, name: string): number {
  let j = from;
  for (;;) {
    const k = lower.indexOf(`</${name}`, j);
    if (k === -1) return lower.length;
    const after = lower.charCodeAt(k + 2 + name.length);
    if (
      Number.isNaN(after) ||
      after === 0x3e ||
      after === 0x2f ||
      after === 0x20 ||
      after === 0x09 ||
      after === 0x0a ||
      after === 0x0c
    )
      return k;
    j = k + 1;
  }
}
