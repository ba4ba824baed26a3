/** The reference's loss parser: `loss:\s*([0-9.]+)` searched anywhere in a log line. */
const LOSS = /loss:\s*([0-9.]+)/;

/** The loss a ModelScope log line reports, or `undefined` (`epoch [1][2/4]\tlr: 3.000e-04, ..., loss: 2.3456`). */
export function parseLoss(line: string): number | undefined {
  const match = LOSS.exec(line);
  if (!match) return undefined;
  const value = Number.parseFloat(match[1]!);
  return Number.isFinite(value) ? value : undefined;
}
