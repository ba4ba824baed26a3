/** Keys whose values are credentials: `api_key`, `OPENAI_API_KEY`, `token`, `secret`, `password` and the like. */
const SECRET_KEY = /(api[_-]?key|secret|token|password)$/i;

/**
 * A copy of a config tree with credential values replaced by `***`, for everything that is written or shown
 * (`run.json`, the tracker's config, the report). The run itself keeps the real values.
 */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && (typeof v === 'string' || typeof v === 'number') ? '***' : redactSecrets(v);
  }
  return out as T;
}
