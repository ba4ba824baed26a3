export {
  cacheRoot,
  ensureLocalLlm,
  HF_CHECK_SCRIPT,
  isLocalLlmReady,
  LOCAL_LLM_SKIP_REASON,
  type LocalLlm,
  localLlmPaths,
} from './local-llm-env.ts';
export { freePort, LOCAL_MODEL_ID, type LocalModelServer, startLocalModelServer } from './model-server.ts';
