import { sqlString } from '../io/duck-session.ts';

/**
 * A SQL sort key that shuffles rows reproducibly: the MD5 of `<seed>:<parts...>` as a 128-bit number. The same seed
 * gives the same order on every run, machine and DuckDB version; the order differs from numpy's
 * `default_rng(seed).permutation` that the reference used.
 */
export function seededKey(seed: number, ...parts: string[]): string {
  return `md5_number(concat_ws(':', ${sqlString(String(seed))}, ${parts.join(', ')}))`;
}
