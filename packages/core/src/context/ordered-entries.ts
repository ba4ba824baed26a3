/** An object whose keys must be written in this order (JS objects put integer-like keys first). */
export class OrderedEntries {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}
