// Builds the example's COCO-caption set in InternVL's format (coco_karpathy_train_567k.jsonl: one row per
// caption, {"image", "conversations"}), from Data-Juicer's test images and the captions in captions.json that were
// written for this example. Each row also keeps the image's other captions as "references", so caption metrics
// can score a pool's captions. Image paths are absolute, so the rows stay valid wherever the pools are written.
// Usage: node scripts/build-data.mjs [<out dir>]   (default: ./data)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const media = resolve(here, '../../../packages/ops-image/src/__fixtures__/media');
const captions = JSON.parse(readFileSync(join(here, 'captions.json'), 'utf8'));
const out = resolve(process.argv[2] ?? join(here, '../data'));
const prompt = '<image>\nProvide a one-sentence caption for the provided image.';

const rows = [];
for (const [image, texts] of Object.entries(captions)) {
  texts.forEach((caption, i) => {
    rows.push({
      id: rows.length,
      image: join(media, image),
      conversations: [
        { from: 'human', value: prompt },
        { from: 'gpt', value: caption },
      ],
      references: texts.filter((_, j) => j !== i),
    });
  });
}
mkdirSync(join(out, 'coco', 'annotations'), { recursive: true });
writeFileSync(
  join(out, 'coco', 'annotations', 'coco_karpathy_train_45.jsonl'),
  `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`,
);
console.log(`${rows.length} captions of ${Object.keys(captions).length} images → ${join(out, 'coco', 'annotations')}`);
