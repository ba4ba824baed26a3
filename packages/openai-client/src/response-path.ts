/**
 * Reads a value out of a JSON response by the reference's dot path (`choices.0.message.content`): a numeric segment
 * indexes a list, any other segment a mapping. Returns `undefined` when the path does not reach a value.
 */
export function readResponsePath(response: unknown, path: string): unknown {
  let value: unknown = response;
  for (const segment of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) value = value[Number(segment)];
    else if (value !== null && typeof value === 'object') value = (value as Record<string, unknown>)[segment];
    else return undefined;
  }
  return value;
}
