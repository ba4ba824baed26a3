/** Counts the sample errors Data-Juicer skipped (`skip_op_error`), per operator, with the first message of each. */
export class SkippedErrors {
  private readonly byOp = new Map<string, { count: number; first: string }>();

  /** Reads one log line; true when it was an operator error line. */
  take(line: string): boolean {
    const m =
      /\| ERROR\s+\| data_juicer\.ops\.base_op:\d+ - An error occurred in (\w+): (.*?)(?: -- Traceback.*)?$/.exec(line);
    if (!m) return false;
    const op = m[1] as string;
    const entry = this.byOp.get(op);
    if (entry) entry.count++;
    else this.byOp.set(op, { count: 1, first: m[2] as string });
    return true;
  }

  /** One sentence per operator that had errors, for a warning. */
  summaries(): string[] {
    return [...this.byOp].map(
      ([op, { count, first }]) =>
        `Data-Juicer's ${op} failed on ${count} sample${count === 1 ? '' : 's'} and skipped ${count === 1 ? 'it' : 'them'} (skip_op_error): ${first}`,
    );
  }
}
