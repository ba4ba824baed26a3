/**
 * Runs `work` over `items` with at most `concurrency` calls in flight; stops taking new items once `signal` is
 * aborted, and rejects with the first error a call throws (the others in flight are awaited first).
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let firstError: unknown;
  const worker = async () => {
    while (next < items.length && firstError === undefined && !signal.aborted) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (firstError !== undefined) throw firstError;
  if (signal.aborted) throw signal.reason;
}
