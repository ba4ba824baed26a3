export {
  ChatClient,
  type ChatClientOptions,
  type ChatMessage,
  ChatRequestError,
  endpointUrl,
  redact,
} from './chat-client.ts';
export { readResponsePath } from './response-path.ts';
export { isRetriableStatus, type RetryPolicy, retryDelayMs, sleep } from './retry-policy.ts';
