/** Tokens grouped into classes for a class-factored softmax. */
export interface VocabClasses {
  /** Class of each token id. */
  readonly tokenClass: Int32Array;
  /** Position of each token id within its class's member list. */
  readonly indexInClass: Int32Array;
  /** Token ids of each class. */
  readonly members: Int32Array[];
}

/**
 * Frequency binning (Mikolov et al., 2011): tokens sorted by count (ties by id) are cut into `numClasses` classes of
 * roughly equal probability mass, so frequent tokens sit in small classes and the expected softmax cost per token
 * is about `numClasses + vocab / numClasses` rows instead of `vocab`.
 */
export function buildClasses(counts: Float64Array, numClasses: number): VocabClasses {
  const vocab = counts.length;
  const order = Array.from({ length: vocab }, (_, i) => i).sort((a, b) => counts[b]! - counts[a]! || a - b);
  const total = counts.reduce((s, c) => s + c, 0);
  const tokenClass = new Int32Array(vocab);
  let cumulative = 0;
  for (const id of order) {
    const c = Math.min(numClasses - 1, Math.floor((cumulative / total) * numClasses));
    tokenClass[id] = c;
    cumulative += counts[id]!;
  }
  return classesFromAssignment(tokenClass, numClasses);
}

/**
 * Classes from the class of every token (as saved in a checkpoint). Members are listed by id, so a reloaded model
 * sums its softmax in the same order as the trained one and gives bit-identical results. An empty class (a very
 * skewed distribution) is never predicted, which is harmless.
 */
export function classesFromAssignment(tokenClass: Int32Array, numClasses: number): VocabClasses {
  const lists: number[][] = Array.from({ length: numClasses }, () => []);
  for (let id = 0; id < tokenClass.length; id++) lists[tokenClass[id]!]!.push(id);
  const members = lists.map((l) => Int32Array.from(l));
  const indexInClass = new Int32Array(tokenClass.length);
  for (const list of members) for (let i = 0; i < list.length; i++) indexInClass[list[i]!] = i;
  return { tokenClass, indexInClass, members };
}
