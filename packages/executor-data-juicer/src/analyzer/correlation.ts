/** Pearson correlation over pairwise-complete rows (pandas `DataFrame.corr()`); NaN where undefined. */
export function pearsonMatrix(columns: readonly Float64Array[]): number[][] {
  const k = columns.length;
  const m: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(Number.NaN));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const x = columns[a]!;
      const y = columns[b]!;
      let n = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < x.length; i++) {
        if (Number.isNaN(x[i]!) || Number.isNaN(y[i]!)) continue;
        n++;
        sx += x[i]!;
        sy += y[i]!;
      }
      if (n < 2) continue;
      const mx = sx / n;
      const my = sy / n;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < x.length; i++) {
        if (Number.isNaN(x[i]!) || Number.isNaN(y[i]!)) continue;
        const dx = x[i]! - mx;
        const dy = y[i]! - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
      const r = sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : Number.NaN;
      m[a]![b] = r;
      m[b]![a] = r;
    }
  }
  return m;
}
