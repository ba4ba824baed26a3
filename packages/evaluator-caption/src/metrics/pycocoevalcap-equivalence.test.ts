import { describe, expect, it } from 'vitest';
import { readCaptionPairs } from '../evaluator/read-captions.ts';
import { fixturesDir } from '../test-helpers/evaluate-run.ts';
import { pycocoevalcapEnv, pycocoevalcapMissing, pycocoevalcapReference } from '../test-helpers/pycocoevalcap-env.ts';
import { bleu } from './bleu.ts';
import { cider } from './cider.ts';
import { meteor } from './meteor.ts';
import { rouge } from './rouge.ts';

interface Reference {
  tokenized: { candidate: string; references: string[] }[];
  scores: Record<string, number>;
  per_image: Record<string, number[]>;
}

const missing = await pycocoevalcapMissing();

const datasets = [
  { file: 'captions.jsonl', candidate: 'caption', references: 'references' },
  { file: 'captions_weak_custom_keys.jsonl', candidate: 'meta.prediction', references: 'gts' },
];

describe.skipIf(missing)(`caption metrics equal pycocoevalcap 1.2 ${missing ?? ''}`, () => {
  for (const d of datasets) {
    describe(`on ${d.file}`, async () => {
      // Skipped suites are still collected: without pycocoevalcap, an empty reference keeps collection working.
      const reference = missing
        ? ({ tokenized: [], scores: {}, per_image: {} } as Reference)
        : await pycocoevalcapReference<Reference>(['scores', d.file, d.candidate, d.references], fixturesDir);
      const { pairs } = await readCaptionPairs(`${fixturesDir}${d.file}`, d.candidate, d.references);

      it('tokenises every candidate and reference as its PTBTokenizer does', () => {
        expect(pairs).toEqual(reference.tokenized);
      });

      it('BLEU-1..4 (closest reference length, corpus counts) to 1e-6, per image too', () => {
        const b = bleu(pairs);
        for (let k = 0; k < 4; k++) {
          expect(b.corpus[k]).toBeCloseTo(reference.scores[`Bleu_${k + 1}`]!, 6);
          for (const [i, s] of b.perImage[k]!.entries())
            expect(s).toBeCloseTo(reference.per_image[`Bleu_${k + 1}`]![i]!, 6);
        }
      });

      it('ROUGE-L (beta 1.2) to 1e-6, per image too', () => {
        const r = rouge(pairs);
        expect(r.score).toBeCloseTo(reference.scores.ROUGE_L!, 6);
        for (const [i, s] of r.perImage.entries()) expect(s).toBeCloseTo(reference.per_image.ROUGE_L![i]!, 6);
      });

      it('CIDEr-D (document frequency from these references, sigma 6, clipping, x10) to 1e-6, per image too', () => {
        const c = cider(pairs);
        expect(c.score).toBeCloseTo(reference.scores.CIDEr!, 6);
        for (const [i, s] of c.perImage.entries()) expect(s).toBeCloseTo(reference.per_image.CIDEr![i]!, 6);
      });

      it('METEOR through the METEOR 1.5 jar in the env-manager env gives its score (corpus and per image)', async () => {
        const m = await meteor(pairs, await pycocoevalcapEnv());
        expect(m.score).toBeCloseTo(reference.scores.METEOR!, 6);
        for (const [i, s] of m.perImage.entries()) expect(s).toBeCloseTo(reference.per_image.METEOR![i]!, 6);
      }, 240_000);
    });
  }
});
