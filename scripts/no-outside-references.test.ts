/**
 * The repository must explain itself: a comment, test name or doc page may point at pages under `docs/` (or a
 * package's README and docs), never at the design and spec notes the project was built from, which do not ship.
 * This test fails on any such citation in a tracked source or doc file, and on any `docs/<page>.md` (and
 * `#section`) mentioned anywhere that does not exist.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SELF = 'scripts/no-outside-references.test.ts';

/** Citations of the notes outside the repository. Built from pieces so that this file does not match itself. */
const SECTION = '\u00a7';
const FORBIDDEN: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: `spec ${SECTION}`, pattern: new RegExp(`spec ${SECTION}`) },
  { what: `sandbox.md ${SECTION}`, pattern: new RegExp(`sandbox\\.md ${SECTION}`) },
  { what: `dj-core.md ${SECTION}`, pattern: new RegExp(`dj-core\\.md ${SECTION}`) },
  { what: `DESIGN ${SECTION}`, pattern: new RegExp(`DESIGN ${SECTION}`) },
  { what: '/shared/spec', pattern: /\/shared\/spec/ },
  { what: '../shared/', pattern: /\.\.\/shared\// },
  { what: '/work/shared', pattern: /\/work\/shared/ },
  { what: `a bare section number (${SECTION}2.3)`, pattern: new RegExp(`${SECTION}\\s?\\d`) },
];

/** Source and documentation files; data fixtures (`.jsonl`, media) are not scanned. */
const SCANNED = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.md', '.py', '.yaml', '.yml', '.sh']);

function trackedFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return listed
    .split('\0')
    .filter((f) => f && !/(^|\/)(node_modules|dist)\//.test(f))
    .filter((f) => SCANNED.has(extname(f)) || f.startsWith('.ci/'))
    .filter((f) => f !== SELF && existsSync(join(ROOT, f)));
}

const FILES = trackedFiles();

/** Every line of `files` matching `pattern`, as `file:line: text`. */
function matchingLines(files: readonly string[], pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return hits;
}

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdownFile: string): Set<string> {
  const text = readFileSync(markdownFile, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

/** `docs/<page>.md` mentions (with any `../` or package prefix and `#section`), URLs left out. */
const DOC_REFERENCE = /(?<![\w:/.-])((?:\.{1,2}\/|[\w.-]+\/)*docs\/[\w.-]+\.md)(?:#([\w-]+))?/g;

/** Problems with the docs pages a file mentions: a page found neither beside the file nor from the root, or a section the page lacks. */
function brokenDocReferences(file: string): string[] {
  const problems: string[] = [];
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const [, page, anchor] of line.matchAll(DOC_REFERENCE)) {
      const target = [resolve(ROOT, dirname(file), page!), resolve(ROOT, page!)].find((p) => existsSync(p));
      const at = `${file}:${i + 1}`;
      if (!target) problems.push(`${at}: ${page} does not exist`);
      else if (anchor && !anchorsOf(target).has(anchor))
        problems.push(`${at}: ${relative(ROOT, target)} has no section #${anchor}`);
    }
  });
  return problems;
}

describe('references in the repository', () => {
  it('are checked in every tracked source and doc file', () => {
    expect(FILES.length).toBeGreaterThan(500);
    expect(FILES).toContain('README.md');
    expect(FILES).toContain('packages/core/src/index.ts');
  });

  it.each(FORBIDDEN)('never cite the notes outside the repository: $what', ({ pattern }) => {
    expect(matchingLines(FILES, pattern)).toEqual([]);
  });

  it('name only docs pages and sections that exist', () => {
    // A changeset's text becomes its package's CHANGELOG, where `docs/...` is relative to that package.
    expect(FILES.filter((f) => !f.startsWith('.changeset/')).flatMap(brokenDocReferences)).toEqual([]);
  });
});
