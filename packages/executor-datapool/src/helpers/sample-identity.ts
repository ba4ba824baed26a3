import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && v !== undefined) out[key] = canonical(v);
  }
  return out;
}

/**
 * The identity of a sample (the reference's `make_hashable`): a hash of its canonical JSON, with keys sorted at every
 * level and numbers compared by value (`1` equals `1.0`). Null fields are left out, so a sample is the same in
 * two pools whose schemas were unified differently (the reference compared the null-filled rows).
 */
export function sampleIdentity(json: string): string {
  return createHash('sha1')
    .update(JSON.stringify(canonical(JSON.parse(json))))
    .digest('base64');
}
