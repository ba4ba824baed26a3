export { cacheRoot, ensureLocalLlm, type LocalLlm } from './local-llm-env.ts';
export { freePort, LOCAL_MODEL_ID, type LocalModelServer, startLocalModelServer } from './model-server.ts';
