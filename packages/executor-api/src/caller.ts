import type { InferCaller } from '@dj-sandbox/llm-infer';

/** How the shared inference code names this plugin in errors and progress bars. */
export const API_CALLER: InferCaller = { plugin: 'executor-api', kind: 'api' };
