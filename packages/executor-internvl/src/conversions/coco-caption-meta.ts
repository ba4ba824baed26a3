import { join, relative, resolve } from 'node:path';
import { type ConfigTree, defineComponent, runInfoRef } from '@dj-sandbox/core';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { basenameNoext, checkIoPaths, pathList } from '../common/io-paths.ts';
import { pythonJsonDumps } from '../common/python-json.ts';
import { readJsonLines } from './read-jsonlines.ts';

/**
 * `GeneralDataExecutor` type `coco_caption_meta_generation` (see docs/internvl-coco-caption.md): for each JSON Lines pool, InternVL's
 * meta file `<export_path>/<name>_meta.json` holding
 * `{"<name>": {"root": "data/coco/", "annotation": <path relative to data_root_path>, "data_augment": false,
 * "repeat_time": 1, "length": <rows>}}` (that key order, `json.dump` spacing, ASCII-escaped). A null
 * `data_root_path` means the working directory. Returns the meta paths.
 */
export const cocoCaptionMetaGeneration = defineComponent<ConfigTree>({
  kind: 'GeneralDataExecutor',
  type: 'coco_caption_meta_generation',
  description: "Writes InternVL's training meta file (root, annotation, length, ...) for each COCO-caption pool.",
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
        const root = typeof config.data_root_path === 'string' ? resolve(cwd, config.data_root_path) : cwd;
        const outputs: string[] = [];
        for (const input of inputs) {
          const metaKey = basenameNoext(input);
          const file = resolve(cwd, input);
          let length = 0;
          for await (const _ of readJsonLines(file, {
            plugin: 'executor-internvl',
            job: env.scope.metaName ?? undefined,
          }))
            length++;
          const meta = {
            [metaKey]: {
              root: 'data/coco/',
              annotation: relative(root, file),
              data_augment: false,
              repeat_time: 1,
              length,
            },
          };
          const name = `${metaKey}_meta.json`;
          await writeFileAtomic(join(exportDir, name), pythonJsonDumps(meta, { ensureAscii: true }));
          outputs.push(join(String(config.export_path), name));
        }
        return outputs;
      },
    };
  },
});
