/**
 * Regenerates the test fixtures in src/__fixtures__ from the real corpora on npm (devDependencies):
 * `node --import tsx bench/make-fixtures.ts`. Kept so the cuts can be reproduced and audited.
 */
import { writeFileSync } from 'node:fs';
import { mobyDickParagraphs, spamAssassinMails } from './corpus.ts';

const out = new URL('../src/__fixtures__/', import.meta.url);
const jsonl = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
const write = (name: string, rows: unknown[]) => {
  const text = jsonl(rows);
  writeFileSync(new URL(name, out), text);
  process.stdout.write(`${name}: ${rows.length} rows, ${text.length} bytes\n`);
};

write(
  'moby-dick-train.jsonl',
  mobyDickParagraphs(1, 12).map((text) => ({ text })),
);
write(
  'moby-dick-heldout.jsonl',
  mobyDickParagraphs(133, 135).map((text) => ({ text })),
);

const mails = spamAssassinMails();
const pick = (group: string, n: number) => {
  const all = mails.filter((m) => m.group === group);
  const step = Math.floor(all.length / n);
  return Array.from({ length: n }, (_, i) => all[i * step]!);
};
const sample = [...pick('easy-ham-1', 180), ...pick('hard-ham-1', 60), ...pick('spam-1', 60), ...pick('spam-2', 60)];
const rows = sample.map((m) => ({
  text: `${m.subject}\n\n${m.body.slice(0, 1200)}`,
  label: m.spam ? 'spam' : 'ham',
  group: m.group,
}));
// Interleave deterministically so both files hold every group.
write(
  'spam-assassin-train.jsonl',
  rows.filter((_, i) => i % 4 !== 3),
);
write(
  'spam-assassin-test.jsonl',
  rows.filter((_, i) => i % 4 === 3),
);
