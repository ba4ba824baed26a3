import { readResponsePath } from './response-path.ts';
import { isRetriableStatus, type RetryPolicy, retryDelayMs, sleep } from './retry-policy.ts';

/** One chat message, as OpenAI-compatible servers take it. */
export interface ChatMessage {
  readonly role: string;
  readonly content: string;
}

/** Where and how to reach an OpenAI-compatible server. */
export interface ChatClientOptions {
  /** e.g. `http://127.0.0.1:8000/v1`. */
  readonly baseUrl: string;
  /** Sent as a bearer token; never put into messages or errors. */
  readonly apiKey?: string;
  /** `api_endpoint`: a path joined onto the base URL, or an absolute URL (default `/chat/completions`). */
  readonly endpoint: string;
  /** `response_path` (default `choices.0.message.content`). */
  readonly responsePath: string;
  readonly retry: RetryPolicy;
  /** Time-out of one request, in milliseconds. */
  readonly timeoutMs: number;
  /** Called before each retry, for the log. */
  readonly onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/** A request that failed for good: after its retries, or at once for an error that retrying cannot fix. */
export class ChatRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, when the server answered. */
    readonly status: number | undefined,
    /** How many requests were made. */
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'ChatRequestError';
  }
}

/** Joins a relative endpoint onto a base URL; an absolute endpoint is used as it is. */
export function endpointUrl(baseUrl: string, endpoint: string): string {
  if (/^https?:\/\//i.test(endpoint)) return endpoint;
  return `${baseUrl.replace(/\/+$/, '')}/${endpoint.replace(/^\/+/, '')}`;
}

/** Removes a secret from text that may be shown (an echoed request, an error body). */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

interface Attempt {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly status?: number;
  readonly reason: string;
  readonly retriable: boolean;
  readonly retryAfter: string | null;
}

/**
 * A small OpenAI-compatible chat-completions client. Unlike the reference's client, which catches every error and
 * returns `""`, it retries what is worth retrying (network errors, time-outs, 408/409/429/5xx, honouring
 * `Retry-After`), and otherwise throws {@link ChatRequestError}, so that a failed row is reported, not written empty.
 */
export class ChatClient {
  constructor(private readonly options: ChatClientOptions) {}

  /** POSTs `{messages, model, ...sampling}` and returns the text at `response_path`. */
  async complete(
    messages: readonly ChatMessage[],
    model: string,
    sampling: Readonly<Record<string, unknown>>,
    signal?: AbortSignal,
  ): Promise<string> {
    const url = endpointUrl(this.options.baseUrl, this.options.endpoint);
    const body = JSON.stringify({ messages, model, ...sampling });
    const value = await this.withRetries(() => this.postJson(url, body, signal), signal);
    const text = readResponsePath(value, this.options.responsePath);
    if (typeof text === 'string') return text;
    if (typeof text === 'number' || typeof text === 'boolean') return String(text);
    throw new ChatRequestError(
      `the response has no text at response_path ${JSON.stringify(this.options.responsePath)} (got ${preview(value)})`,
      200,
      1,
    );
  }

  /** The id of the first model the server lists (`GET <base>/models`), used when `model` is not set. */
  async firstModel(signal?: AbortSignal): Promise<string> {
    const value = await this.withRetries(() => this.request(endpointUrl(this.options.baseUrl, '/models'), {}, signal));
    const id = readResponsePath(value, 'data.0.id');
    if (typeof id !== 'string') {
      throw new ChatRequestError(`the server lists no model at ${this.options.baseUrl}/models`, 200, 1);
    }
    return id;
  }

  private postJson(url: string, body: string, signal?: AbortSignal): Promise<Attempt> {
    return this.request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } }, signal);
  }

  private async withRetries(once: () => Promise<Attempt>, signal?: AbortSignal): Promise<unknown> {
    const { retry } = this.options;
    for (let attempt = 1; ; attempt++) {
      const result = await once();
      if (result.ok) return result.value;
      if (!result.retriable || attempt > retry.maxRetries || signal?.aborted) {
        const tries = attempt === 1 ? '1 try' : `${attempt} tries`;
        throw new ChatRequestError(`${result.reason} (after ${tries})`, result.status, attempt);
      }
      const delayMs = retryDelayMs(retry, attempt, result.retryAfter);
      this.options.onRetry?.({ attempt, delayMs, reason: result.reason });
      await sleep(delayMs, signal);
    }
  }

  private async request(url: string, init: RequestInit, signal?: AbortSignal): Promise<Attempt> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const reason = timeout.aborted
        ? `no answer from ${url} within ${this.options.timeoutMs} ms`
        : `cannot reach ${url}: ${causeOf(error)}`;
      return { ok: false, reason, retriable: true, retryAfter: null };
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      return {
        ok: false,
        status: response.status,
        reason: `HTTP ${response.status} from ${url}: ${redact(text.slice(0, 300), this.options.apiKey)}`,
        retriable: isRetriableStatus(response.status),
        retryAfter: response.headers.get('retry-after'),
      };
    }
    try {
      return { ok: true, value: JSON.parse(text), reason: '', retriable: false, retryAfter: null };
    } catch {
      return {
        ok: false,
        status: response.status,
        reason: `the answer from ${url} is not JSON: ${redact(text.slice(0, 200), this.options.apiKey)}`,
        retriable: true,
        retryAfter: null,
      };
    }
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
