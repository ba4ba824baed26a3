/** The reference's Trinity monitor line: `(Trainer pid=N) INFO <time> monitor.py:<line>] Step <n>: {<metrics>}`. */
const MONITOR_LINE = /^\(Trainer pid=(\d+)\) INFO (.*?) monitor\.py:(.*?)\] Step (\d*?): (.*?)$/;

/** One step of Trinity's trainer metrics. */
export interface MonitorRecord {
  readonly step: number;
  readonly metrics: Record<string, number>;
}

/**
 * Parses a Trinity trainer monitor line (its monitors log `Step {step}: {data}` with Python's dict repr) into the
 * step and its numeric metrics. As in the reference, only records with `perf/throughput` count; Python's quotes
 * become JSON's, and `np.float64(x)`-style reprs of numpy scalars are read as `x` (the reference's JSON parse gave
 * up on those). Anything else gives `undefined`.
 */
export function parseMonitorLine(line: string): MonitorRecord | undefined {
  const match = MONITOR_LINE.exec(line.trimEnd());
  if (!match) return undefined;
  const json = match[5]!
    .replace(/np\.\w+\(([^()]*)\)/g, '$1')
    .replace(/'/g, '"')
    .replace(/\bnan\b/g, 'null')
    .replace(/\b(?:inf|-inf)\b/g, 'null');
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    record = {};
  }
  if (!('perf/throughput' in record)) return undefined;
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) if (typeof value === 'number') metrics[key] = value;
  return { step: Number(match[4]), metrics };
}
