/**
 * A deep copy of a sample for a mapper's per-sample retry (see run-steps.ts). Samples are JSON data plus what ops
 * add (typed arrays, Buffers); plain objects and arrays are copied field by field, which costs a fraction of
 * `structuredClone`, and anything else goes through `structuredClone` as before.
 */
export function cloneSample<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneValue(value[i]);
    return out;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const field = cloneValue((value as Record<string, unknown>)[key]);
      // `__proto__` is data here (a JSON field), never the prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: field, enumerable: true, writable: true, configurable: true });
      else out[key] = field;
    }
    return out;
  }
  return structuredClone(value);
}
