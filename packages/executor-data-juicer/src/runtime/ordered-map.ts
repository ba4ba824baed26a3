/**
 * Maps an async stream with up to `concurrency` calls in flight, yielding results in input order. Reading ahead is
 * bounded, so memory stays at about `concurrency` batches.
 */
export async function* orderedMap<T, R>(
  input: AsyncIterable<T>,
  fn: (item: T) => Promise<R>,
  concurrency: number,
): AsyncGenerator<R> {
  const iterator = input[Symbol.asyncIterator]();
  const inFlight: Array<Promise<R>> = [];
  let done = false;
  try {
    while (true) {
      while (!done && inFlight.length < concurrency) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const p = fn(next.value);
        // Rejections surface in order when awaited below; this only silences the unhandled-rejection warning.
        p.catch(() => {});
        inFlight.push(p);
      }
      if (inFlight.length === 0) return;
      yield await inFlight.shift()!;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}
