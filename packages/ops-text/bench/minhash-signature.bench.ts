/**
 * MinHash signature speed alone (no selection, no I/O), with Data-Juicer's defaults (space shingles of 5, lowercase,
 * 256 permutations) on Moby-Dick's paragraphs repeated to `MINHASH_BENCH_MB` megabytes (default 4). CPU seconds,
 * best of 3, for: the whole signature (WebAssembly shingles, SHA-1 and permutations, one call per text), the
 * permutation stage alone (on each text's hashes), and the JavaScript Shingler alone and with the JavaScript SHA-1
 * reference. `wasmShinglesAndSha1Seconds` is the signature minus the permutation stage.
 */
import { minhashSignature } from '../src/deduplicators/internal/minhash.ts';
import { seed42Permutations } from '../src/deduplicators/internal/perm-seed42.ts';
import { sha1Prefix32LE } from '../src/deduplicators/internal/sha1-prefix.ts';
import { Shingler } from '../src/deduplicators/internal/shingles.ts';
import { mobyDickParagraphs } from './corpus.ts';

function cpuSeconds(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t0 = process.cpuUsage();
    run();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1e6);
  }
  return +best.toFixed(3);
}

export default async function bench(): Promise<Record<string, unknown>> {
  const mb = Number(process.env.MINHASH_BENCH_MB ?? 4);
  const paragraphs = mobyDickParagraphs().map((p) => p.toLowerCase());
  const texts: string[] = [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    for (const p of paragraphs) {
      texts.push(p);
      bytes += Buffer.byteLength(p);
    }
  }
  const perms = seed42Permutations(256) as NonNullable<ReturnType<typeof seed42Permutations>>;
  const shingler = new Shingler('space', 5);
  const out = new Uint32Array(256);
  let shingles = 0;
  const hashesPerText = texts.map((t) => {
    const hs: number[] = [];
    shingles += shingler.forEach(t, (b, s, e) => hs.push(sha1Prefix32LE(b, s, e)));
    return Uint32Array.from(hs);
  });
  let sink = 0;
  const signature = cpuSeconds(() => {
    for (const t of texts) sink += minhashSignature(t, shingler, perms, out);
  });
  const permute = cpuSeconds(() => {
    for (const hs of hashesPerText) if (hs.length > 0) sink += perms.kernel.permute(hs)[0] as number;
  });
  const shingling = cpuSeconds(() => {
    for (const t of texts) sink += shingler.forEach(t, () => {});
  });
  const jsSha1 = cpuSeconds(() => {
    for (const t of texts) shingler.forEach(t, (b, s, e) => (sink += sha1Prefix32LE(b, s, e)));
  });
  if (sink === 0) throw new Error('nothing hashed');
  return {
    mb: +(bytes / 1e6).toFixed(2),
    texts: texts.length,
    shingles,
    cpuSeconds: { signature, permuteStage: permute, shingling, shinglingWithJsSha1: jsSha1 },
    signatureMBPerSec: +(bytes / 1e6 / signature).toFixed(1),
    wasmShinglesAndSha1Seconds: +(signature - permute).toFixed(3),
    jsSha1Seconds: +(jsSha1 - shingling).toFixed(3),
  };
}
