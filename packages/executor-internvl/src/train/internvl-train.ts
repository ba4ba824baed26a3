import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type ComponentEnv, type ConfigTree, defineComponent, runInfoRef } from '@dj-sandbox/core';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { internvlError } from '../common/errors.ts';
import { cudaDeviceCount } from '../common/gpus.ts';
import { checkNumGpus, ensureInternvlEnv, requireInternvlHome } from '../common/internvl-env.ts';
import { basenameNoext, checkIoPaths, pathList } from '../common/io-paths.ts';
import { modelLogPath } from '../common/model-log.ts';
import { TrainLogParser } from './train-log-parser.ts';
import { trainScript } from './train-script.ts';

/** InternVL2's conversation template per model scale (the reference's `SCALE_MAPPING`). */
export const SCALE_TO_CONV_STYLE: Readonly<Record<string, string>> = {
  '1B': 'Hermes-2',
  '2B': 'internlm2-chat',
  '4B': 'phi3-chat',
  '8B': 'internlm2-chat',
  '26B': 'internlm2-chat',
  '40B': 'Hermes-2',
  '76B': 'internlm2-chat',
};

/** The total batch size of InternVL's COCO-caption recipe; `num_gpus * batch_size_per_device` must divide it. */
export const TOTAL_BATCH_SIZE = 512;

function convStyleOf(env: ComponentEnv, value: unknown): string {
  if (typeof value === 'string' && value in SCALE_TO_CONV_STYLE) return SCALE_TO_CONV_STYLE[value]!;
  if (typeof value === 'string' && Object.values(SCALE_TO_CONV_STYLE).includes(value)) return value;
  throw internvlError(env, 'extra_configs.conv_style_or_scale', `conv_style_or_scale [${value}] is not supported.`, {
    expected: `a scale (${Object.keys(SCALE_TO_CONV_STYLE).join(', ')}) or a conv style (${[
      ...new Set(Object.values(SCALE_TO_CONV_STYLE)),
    ].join(', ')})`,
    received: value ?? null,
    fix: "Set conv_style_or_scale to the base model's scale, e.g. 1B for InternVL2-1B.",
  });
}

function checkBatch(env: ComponentEnv, config: ConfigTree, numGpus: number): number {
  const bs = config.batch_size_per_device ?? 4;
  if (typeof bs !== 'number' || !Number.isInteger(bs) || bs <= 0) {
    throw internvlError(env, 'extra_configs.batch_size_per_device', 'batch_size_per_device should be greater than 0.', {
      expected: 'a positive integer (default 4)',
      received: bs,
      fix: 'Set batch_size_per_device to 1, 2, 4, 8, ...',
    });
  }
  const total = numGpus * bs;
  if (total > TOTAL_BATCH_SIZE || TOTAL_BATCH_SIZE % total !== 0) {
    throw internvlError(
      env,
      'extra_configs.batch_size_per_device',
      `Total batch size on all devices in 1 step (num_gpus * batch_size_per_device) should divide ${TOTAL_BATCH_SIZE}.`,
      {
        expected: `num_gpus * batch_size_per_device <= ${TOTAL_BATCH_SIZE} and a divisor of it`,
        received: `${numGpus} * ${bs} = ${total}`,
        fix: 'Use powers of two for num_gpus and batch_size_per_device.',
      },
    );
  }
  return bs;
}

/**
 * `ModelTrainExecutor` type `internvl_coco_caption` (see docs/internvl-coco-caption.md): LoRA fine-tuning of an InternVL2 model on each
 * COCO-caption meta file in turn. Checks `internvl_home`, the GPUs and the batch size, writes one training script
 * per meta path into `script_dir` (`<meta>_<model>.sh`, output in `<work_dir>/<meta>_<model>`), creates InternVL's
 * environment through the Python bridge, runs the scripts there with their output streamed into the model log and
 * parsed live into the tracker (`<run_name>.loss`, `.lr`, `.epoch`), and returns the output directories.
 */
export const internvlTrainExecutor = defineComponent<ConfigTree>({
  kind: 'ModelTrainExecutor',
  type: 'internvl_coco_caption',
  description: "Fine-tunes InternVL2 (LoRA) on COCO-caption meta files with InternVL's torchrun recipe.",
  create(config, env) {
    const cwd = env.resolve(runInfoRef).cwd;
    const component = `[plugin:executor-internvl] [job:${env.scope.metaName ?? 'anonymous'}] train`;
    return {
      async run() {
        const home = requireInternvlHome(config, env, cwd);
        const numGpus = checkNumGpus(config, env, await cudaDeviceCount());
        const batchSize = checkBatch(env, config, numGpus);
        const { inputs: metaPaths, exportDir: workDir } = await checkIoPaths(
          env,
          cwd,
          pathList(env, config.meta_paths ?? [], 'meta_paths'),
          config.work_dir,
          { inputs: 'meta_paths', exportPath: 'work_dir' },
        );
        if (typeof config.script_dir !== 'string' || config.script_dir === '') {
          throw internvlError(env, 'extra_configs.script_dir', 'script_dir is not specified.', {
            expected: 'a directory for the generated training scripts',
            received: config.script_dir ?? null,
            fix: 'Set script_dir, e.g. <internvl_home>/internvl_chat/scripts/.',
          });
        }
        if (typeof config.model_name_or_path !== 'string' || config.model_name_or_path === '') {
          throw internvlError(env, 'extra_configs.model_name_or_path', 'model_name_or_path is not specified.', {
            expected: 'the path of the InternVL2 base model',
            received: config.model_name_or_path ?? null,
            fix: 'Set model_name_or_path, e.g. <internvl_home>/internvl_chat/pretrained/InternVL2-1B.',
          });
        }
        const convStyle = convStyleOf(env, config.conv_style_or_scale);
        const scriptDir = resolve(cwd, config.script_dir);
        await mkdir(scriptDir, { recursive: true });
        const model = config.model_name_or_path;
        const runs = [];
        for (const meta of metaPaths) {
          const name = `${basenameNoext(meta)}_${basenameNoext(model)}`;
          const outputDir = join(workDir, name);
          const script = join(scriptDir, `${name}.sh`);
          await writeFileAtomic(
            script,
            trainScript({
              internvlChatDir: join(home, 'internvl_chat'),
              numGpus,
              batchSizePerDevice: batchSize,
              outputDir,
              modelNameOrPath: resolve(cwd, model),
              convStyle,
              metaPath: resolve(cwd, meta),
            }),
          );
          runs.push({ script, outputDir });
        }

        const python = await ensureInternvlEnv(config, env, home, component);
        const logFile = modelLogPath(env.workDir, 'train');
        await mkdir(env.workDir, { recursive: true });
        const parser = new TrainLogParser();
        let step = 0;
        const scope = { iteration: env.scope.iteration, pipeline: env.scope.pipeline, job: env.scope.job };
        for (const run of runs) {
          env.logger.info(`Training with script: ${run.script}`);
          await python.run(['bash', run.script], {
            logFile,
            signal: env.signal,
            component,
            onLine: (line) => {
              const point = parser.parse(line);
              if (point) env.tracker.watch(point, parser.runName, { ...scope, step: ++step });
            },
          });
        }
        return runs.map((r) => r.outputDir);
      },
    };
  },
});
