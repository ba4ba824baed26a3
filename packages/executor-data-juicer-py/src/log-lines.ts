/** One operator's line in Data-Juicer's log: `[2/3] OP [video_duration_filter] Done in 4.116s. Left 5 samples.` */
export interface OperatorDone {
  readonly position: number;
  readonly total: number;
  readonly name: string;
  readonly seconds: number;
  readonly samplesOut: number;
}

const OP_DONE = /\[(\d+)\/(\d+)\] OP \[([\w.-]+)\] Done in ([\d.]+)s\. Left (\d+) samples\./;
const SAMPLES_IN = /There are (\d+) sample\(s\) in the original dataset\./;
/** The runner's last line (python/run_data_juicer.py). */
export const RESULT_PREFIX = '__dj_sandbox_result__ ';

/** Parses an operator-done line of Data-Juicer's default executor. */
export function parseOperatorDone(line: string): OperatorDone | undefined {
  const m = OP_DONE.exec(line);
  if (!m) return undefined;
  return {
    position: Number(m[1]),
    total: Number(m[2]),
    name: m[3] as string,
    seconds: Number(m[4]),
    samplesOut: Number(m[5]),
  };
}

/** The sample count Data-Juicer's formatter reports after loading the dataset. */
export function parseSamplesIn(line: string): number | undefined {
  const m = SAMPLES_IN.exec(line);
  return m ? Number(m[1]) : undefined;
}

/** The runner's result object, from its last line. */
export function parseResultLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith(RESULT_PREFIX)) return undefined;
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, unknown>;
}
