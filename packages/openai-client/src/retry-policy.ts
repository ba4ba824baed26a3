/** How a failed request is retried. */
export interface RetryPolicy {
  /** Retries after the first try (`max_retry_num`, default 5). */
  readonly maxRetries: number;
  /** The wait before retry `k` is `k × baseDelayMs` (the reference sleeps `k` seconds), capped by `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** HTTP statuses worth retrying: the server is busy, rate-limits us, or failed on its side. */
export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before retry `attempt` (1-based): the server's `Retry-After` (seconds or an HTTP date) when
 * it sent one, else the linear backoff of the policy.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  now = Date.now(),
): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  const delay = fromHeader ?? attempt * policy.baseDelayMs;
  return Math.max(0, Math.min(delay, policy.maxDelayMs));
}

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - now;
}

/** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
