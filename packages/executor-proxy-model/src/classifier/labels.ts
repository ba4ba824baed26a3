/** The labels a classifier was trained on, in order of first appearance, with their training counts. */
export interface LabelSet {
  /** The label values as they appeared in the data (strings, numbers, booleans). */
  readonly values: unknown[];
  readonly counts: number[];
  /** Index of a label value, or `undefined` for one never seen in training. */
  index(value: unknown): number | undefined;
  /** Whether two label values are the same label (compared as the accuracy evaluator does, by string form). */
  same(a: unknown, b: unknown): boolean;
}

function keyOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Builds the label set of training labels (counted), or restores one from saved values. */
export function labelSet(labels: readonly unknown[], counts?: readonly number[]): LabelSet {
  const values: unknown[] = [];
  const tally: number[] = [];
  const index = new Map<string, number>();
  labels.forEach((label, i) => {
    const key = keyOf(label);
    let at = index.get(key);
    if (at === undefined) {
      at = values.length;
      index.set(key, at);
      values.push(label);
      tally.push(0);
    }
    tally[at]! += counts ? counts[i]! : 1;
  });
  return {
    values,
    counts: tally,
    index: (value) => index.get(keyOf(value)),
    same: (a, b) => keyOf(a) === keyOf(b),
  };
}
