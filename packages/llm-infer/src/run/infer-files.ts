import { resolve } from 'node:path';
import { type ComponentEnv, pyJoin } from '@dj-sandbox/core';
import type { InferCaller } from '../caller.ts';
import type { NamedHelpers } from '../messages/named-helpers.ts';
import { type Generate, inferFile } from './infer-file.ts';
import { basenameNoExt } from './inference-rows.ts';

/** The keys of a parsed config that {@link inferFiles} reads ({@link inferenceConfigShape} and `model`). */
export interface InferFilesConfig {
  readonly model: string;
  readonly export_path: string;
  readonly build_messages_func: string;
  readonly parse_output_func: string;
  readonly func_kwargs: Readonly<Record<string, unknown>>;
  readonly infer_res_key: string;
}

/** What one executor brings to {@link inferFiles}. */
export interface InferFilesOptions {
  readonly config: InferFilesConfig;
  readonly helpers: NamedHelpers;
  /** The executor's own settings that change the answers (model, params, mode); the shared keys are added. */
  readonly identity: Readonly<Record<string, unknown>>;
  readonly generate: Generate;
  /** Where relative input and output paths start. */
  readonly cwd: string;
  readonly env: Pick<ComponentEnv, 'logger' | 'progress'>;
  readonly caller: InferCaller;
}

/**
 * Runs {@link inferFile} over each input, into `<export_path>/<input name>_inference.jsonl`, one after the other, and
 * returns the output paths in the form `export_path` was written in, as the reference does.
 */
export async function inferFiles(inputs: readonly string[], options: InferFilesOptions): Promise<string[]> {
  const { config, cwd, env } = options;
  const identity = {
    ...options.identity,
    build: config.build_messages_func,
    parse: config.parse_output_func,
    kwargs: config.func_kwargs,
    key: config.infer_res_key,
  };
  const settings = { ...options.helpers, funcKwargs: config.func_kwargs, inferResKey: config.infer_res_key, identity };
  const outputs: string[] = [];
  for (const input of inputs) {
    const output = pyJoin(config.export_path, `${basenameNoExt(input)}_inference.jsonl`);
    const done = await inferFile(
      resolve(cwd, input),
      resolve(cwd, output),
      settings,
      options.generate,
      env,
      options.caller,
    );
    env.logger.info(`${input}: ${done.rows} rows (${done.conversations} conversations) answered by ${config.model}`);
    outputs.push(output);
  }
  return outputs;
}
