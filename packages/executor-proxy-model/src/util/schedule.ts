/**
 * Learning rate at `step` (0-based): linear warm-up over `warmup` steps, then cosine decay from `lr` to
 * `lr * minRatio` at `total` steps; `linear` decays linearly instead, and `constant` keeps `lr`.
 */
export function learningRate(
  step: number,
  total: number,
  lr: number,
  options: { warmup: number; minRatio: number; type: 'cosine' | 'linear' | 'constant' },
): number {
  if (step < options.warmup) return (lr * (step + 1)) / options.warmup;
  if (options.type === 'constant') return lr;
  const span = Math.max(1, total - options.warmup);
  const progress = Math.min(1, (step - options.warmup) / span);
  const shape = options.type === 'linear' ? 1 - progress : 0.5 * (1 + Math.cos(Math.PI * progress));
  return lr * (options.minRatio + (1 - options.minRatio) * shape);
}
