import { type Document, isMap, isScalar } from 'yaml';

/**
 * W&B infers `int_uniform` when both bounds are ints and `uniform` otherwise, by their Python type: `min: 0.0` is a
 * float. JavaScript numbers cannot tell `0.0` from `0`, so, reading a sweep file, this marks entries whose bounds
 * were WRITTEN as floats (`0.0`, `1e-3`, `.inf`) with an explicit `distribution: uniform`. Mutates `value`, the
 * plain-object form of `doc`.
 */
export function markFloatBounds(doc: Document, value: unknown): void {
  const visit = (path: Array<string>, params: unknown) => {
    if (typeof params !== 'object' || params === null) return;
    for (const [key, entry] of Object.entries(params as Record<string, unknown>)) {
      if (typeof entry !== 'object' || entry === null) continue;
      const e = entry as Record<string, unknown>;
      const at = [...path, key];
      if (e.parameters) visit([...at, 'parameters'], e.parameters);
      if (e.distribution !== undefined || typeof e.min !== 'number' || typeof e.max !== 'number') continue;
      const node = doc.getIn(at, true);
      if (!isMap(node)) continue;
      const written = ['min', 'max'].some((b) => {
        const scalar = node.get(b, true);
        return isScalar(scalar) && typeof scalar.source === 'string' && /[.eE]|inf|nan/i.test(scalar.source);
      });
      if (written) e.distribution = 'uniform';
    }
  };
  if (typeof value === 'object' && value !== null) visit(['parameters'], (value as Record<string, unknown>).parameters);
}
