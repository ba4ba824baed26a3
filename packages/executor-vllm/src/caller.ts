import type { InferCaller } from '@dj-sandbox/llm-infer';

/** How the shared inference code names this plugin in errors and progress bars. */
export const VLLM_CALLER: InferCaller = { plugin: 'executor-vllm', kind: 'vllm' };
