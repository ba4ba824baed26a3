import {
  type AnyComponentDefinition,
  type ComponentEnv,
  defineComponent,
  type StandardSchemaV1,
} from '@dj-sandbox/core';
import type { InferCaller } from '../caller.ts';
import { namedHelpers } from '../messages/named-helpers.ts';
import { checkHfModelAvailable } from '../preflight/hf-model-availability.ts';

/** The keys the shared component checks read. */
export interface HubModelConfig {
  readonly model: string;
  readonly build_messages_func: string;
  readonly parse_output_func: string;
}

/** How one executor that loads a Hugging Face model is built. */
export interface HubModelComponentsOptions<C extends HubModelConfig> {
  readonly type: string;
  readonly description: string;
  readonly schema: StandardSchemaV1<unknown, C>;
  /** Parses the raw config into a config error naming the key. */
  readonly read: (raw: unknown) => C;
  readonly run: (config: C, env: ComponentEnv) => Promise<string[]>;
  readonly caller: InferCaller;
}

/**
 * The two components of an executor that loads a Hugging Face model (`InferModelHook`'s executor and
 * `ProbeViaModelInferHook`'s evaluator): both check the config and the helper names, and before the first job that
 * the model can be had; `run` returns the output paths.
 */
export function hubModelComponents<C extends HubModelConfig>(
  options: HubModelComponentsOptions<C>,
): { executor: AnyComponentDefinition; evaluator: AnyComponentDefinition } {
  const { caller } = options;
  const component = (kind: 'ModelInferExecutor' | 'ModelInferEvaluator') =>
    defineComponent<C>({
      kind,
      type: options.type,
      description: options.description,
      config: options.schema,
      async preflight(config, env) {
        const parsed = options.read(config);
        namedHelpers(caller, parsed.build_messages_func, parsed.parse_output_func);
        await checkHfModelAvailable(parsed.model, env.cwd, env.configPath, env.signal, caller);
      },
      create(config, env) {
        const parsed = options.read(config);
        namedHelpers(caller, parsed.build_messages_func, parsed.parse_output_func);
        return { run: () => options.run(parsed, env) };
      },
    });
  return { executor: component('ModelInferExecutor'), evaluator: component('ModelInferEvaluator') };
}
