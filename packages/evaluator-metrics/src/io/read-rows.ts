import { type JsonRow, readJsonRows as readRows } from '@dj-sandbox/core';

/** One dataset row. */
export type Row = JsonRow;

/**
 * Yields `[pred, gt]` row pairs, truncated to the shorter file as Python's `zip` does. With the same path on both
 * sides the file is read once and each row is paired with itself.
 */
export async function* zipRows(predPath: string, gtPath: string): AsyncGenerator<[Row, Row]> {
  if (predPath === gtPath) {
    for await (const row of readRows(predPath)) yield [row, row];
    return;
  }
  const pred = readRows(predPath);
  const gt = readRows(gtPath);
  try {
    for (;;) {
      const [p, g] = await Promise.all([pred.next(), gt.next()]);
      if (p.done || g.done) return;
      yield [p.value, g.value];
    }
  } finally {
    await pred.return(undefined);
    await gt.return(undefined);
  }
}
