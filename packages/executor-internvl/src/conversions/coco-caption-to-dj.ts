import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type ConfigTree, defineComponent, runInfoRef } from '@dj-sandbox/core';
import { internvlError } from '../common/errors.ts';
import { basenameNoext, checkIoPaths, pathList } from '../common/io-paths.ts';
import { pythonJsonDumps } from '../common/python-json.ts';
import { readJsonLines } from './read-jsonlines.ts';

/** Data-Juicer's image token, honouring its `_DJ_SPECIAL_TOKEN_IMAGE` override as the reference does. */
export function imageToken(): string {
  return process.env._DJ_SPECIAL_TOKEN_IMAGE ?? '<__dj__image>';
}

/**
 * `GeneralDataExecutor` type `coco_caption_to_dj_conversion` (see docs/internvl-coco-caption.md): each InternVL COCO-caption JSON Lines
 * file becomes `<export_path>/<name>_dj_fmt.jsonl`, every row keeping its fields and gaining
 * `images = [row.image]` and `text = "<__dj__image> " + row.conversations[1].value`. Returns the written paths.
 */
export const cocoCaptionToDjConversion = defineComponent<ConfigTree>({
  kind: 'GeneralDataExecutor',
  type: 'coco_caption_to_dj_conversion',
  description:
    'Converts InternVL COCO-caption JSON Lines into Data-Juicer format (images + text with the image token).',
  create(config, env) {
    const cwd = env.resolve(runInfoRef).cwd;
    return {
      async run() {
        const { inputs, exportDir } = await checkIoPaths(
          env,
          cwd,
          pathList(env, config.dataset_path, 'dataset_path'),
          config.export_path,
          { inputs: 'dataset_path', exportPath: 'export_path' },
        );
        const token = imageToken();
        const outputs: string[] = [];
        for (const input of inputs) {
          const name = `${basenameNoext(input)}_dj_fmt.jsonl`;
          const out = join(exportDir, name);
          const tmp = `${out}.tmp-${process.pid}`;
          const stream = createWriteStream(tmp, 'utf8');
          const rows = readJsonLines(resolve(cwd, input), {
            plugin: 'executor-internvl',
            job: env.scope.metaName ?? undefined,
          });
          for await (const { row, line } of rows) {
            const conversations = row.conversations;
            const answer = Array.isArray(conversations)
              ? (conversations[1] as { value?: unknown } | undefined)?.value
              : undefined;
            if (typeof row.image !== 'string' || typeof answer !== 'string') {
              stream.destroy();
              throw internvlError(
                env,
                `${input}:${line}`,
                'a COCO-caption row needs image and conversations[1].value.',
                {
                  expected:
                    '{"image": "...", "conversations": [{"from": "human", ...}, {"from": "gpt", "value": "<caption>"}]}',
                  received: JSON.stringify(row).slice(0, 160),
                  fix: 'Use InternVL COCO-caption JSON Lines (coco_karpathy_train_567k.jsonl format).',
                },
              );
            }
            row.images = [row.image];
            row.text = `${token} ${answer}`;
            if (!stream.write(`${pythonJsonDumps(row, { ensureAscii: false })}\n`)) await once(stream, 'drain');
          }
          stream.end();
          await once(stream, 'finish');
          await rename(tmp, out);
          outputs.push(join(String(config.export_path), name));
        }
        return outputs;
      },
    };
  },
});
