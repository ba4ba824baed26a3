/**
 * Python `==` between JSON values: `1 == 1.0 == True`, lists and dicts compare element-wise, everything else by
 * identity of value.
 */
export function pyEquals(a: unknown, b: unknown): boolean {
  const na = asPyNumber(a);
  const nb = asPyNumber(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && na === nb;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const rb = b as Record<string, unknown>;
    return (
      ka.length === Object.keys(rb).length &&
      ka.every((k) => k in rb && pyEquals((a as Record<string, unknown>)[k], rb[k]))
    );
  }
  return a === b;
}

function asPyNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}
