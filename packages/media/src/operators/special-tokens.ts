/** Data-Juicer's video placeholder in text (`SpecialTokens.video`), overridable as Data-Juicer allows. */
export function videoToken(): string {
  return process.env._DJ_SPECIAL_TOKEN_VIDEO ?? '<__dj__video>';
}

/** Data-Juicer's end-of-chunk marker (`SpecialTokens.eoc`), overridable as Data-Juicer allows. */
export function eocToken(): string {
  return process.env._DJ_SPECIAL_TOKEN_EOC ?? '<|__dj__eoc|>';
}

/** Python's `round()` (half to even), which Data-Juicer's resize arithmetic uses. */
export function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
