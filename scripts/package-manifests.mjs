// Keeps every publishable package's manifest publish-ready, and checks it (CI runs `--check`):
// - a LICENSE file in the package (a copy of the repository's Apache-2.0 LICENSE) listed in `files`;
// - `publishConfig.exports`: the `exports` map without the `source` condition, which points at TypeScript sources
//   that are not shipped (pnpm publish/pack use publishConfig.exports in the tarball);
// - `license: Apache-2.0`;
// - a peer range on @dj-sandbox/core that accepts every core below the next major (docs/versioning.md);
// - the repository root depends on every package, so `pnpm dj-sandbox` from a clone finds every plugin.
// Usage: node scripts/package-manifests.mjs [--check]
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const license = readFileSync(join(root, 'LICENSE'), 'utf8');
const problems = [];
const rootDeps = {};
const CORE_PEER_RANGE = '>=0.1.0 <1';

function withoutSource(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  const out = {};
  for (const [key, value] of Object.entries(exports)) {
    if (key === 'source') continue;
    out[key] = withoutSource(value);
  }
  return out;
}

for (const dir of readdirSync(join(root, 'packages'))) {
  const manifestPath = join(root, 'packages', dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const text = readFileSync(manifestPath, 'utf8');
  const pkg = JSON.parse(text);
  if (pkg.private) continue;
  rootDeps[pkg.name] = 'workspace:*';
  const licensePath = join(root, 'packages', dir, 'LICENSE');
  if (!existsSync(licensePath) || readFileSync(licensePath, 'utf8') !== license) {
    if (check) problems.push(`${pkg.name}: LICENSE missing or different from the repository's`);
    else copyFileSync(join(root, 'LICENSE'), licensePath);
  }
  const next = { ...pkg, license: 'Apache-2.0' };
  if (pkg.peerDependencies?.['@dj-sandbox/core'])
    next.peerDependencies = { ...pkg.peerDependencies, '@dj-sandbox/core': CORE_PEER_RANGE };
  next.files = [...new Set([...(pkg.files ?? ['dist']), 'LICENSE'])];
  next.publishConfig = { ...(pkg.publishConfig ?? {}), access: 'public', exports: withoutSource(pkg.exports) };
  const nextText = `${JSON.stringify(next, null, 2)}\n`;
  if (nextText !== text) {
    if (check) problems.push(`${pkg.name}: package.json is not publish-ready (run node scripts/package-manifests.mjs)`);
    else writeFileSync(manifestPath, nextText);
  }
}
const rootPath = join(root, 'package.json');
const rootText = readFileSync(rootPath, 'utf8');
const rootPkg = JSON.parse(rootText);
const sortedDeps = Object.fromEntries(Object.entries(rootDeps).sort(([a], [b]) => (a < b ? -1 : 1)));
const nextRoot = `${JSON.stringify({ ...rootPkg, dependencies: sortedDeps }, null, 2)}\n`;
if (nextRoot !== rootText) {
  if (check)
    problems.push('the root package.json does not depend on every package (run node scripts/package-manifests.mjs)');
  else writeFileSync(rootPath, nextRoot);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(check ? 'package manifests are publish-ready' : 'package manifests updated');
