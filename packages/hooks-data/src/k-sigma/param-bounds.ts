import type { StandardSchemaV1 } from '@dj-sandbox/core';
import { isMapping } from '@dj-sandbox/core';
import { type ZodType, z } from 'zod';

/** The valid range of one numeric operator parameter, as its schema declares it. */
export interface ParamBounds {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  /** The schema accepts integers only. */
  integer: boolean;
}

function numericBranch(node: unknown): Record<string, unknown> | undefined {
  if (!isMapping(node)) return undefined;
  if (node.type === 'number' || node.type === 'integer') return node;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const found = numericBranch(branch);
      if (found) return found;
    }
  }
  return undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Reads the numeric bounds of every parameter from a zod object schema through its JSON Schema (`minimum`,
 * `maximum`, exclusive bounds, `integer`). Schemas of other vendors, and zod schemas that cannot be converted,
 * give no bounds: refinement then leaves values unclamped, as Data-Juicer does.
 */
export function paramBounds(schema: StandardSchemaV1<unknown, unknown>): Record<string, ParamBounds> {
  if (schema['~standard'].vendor !== 'zod') return {};
  let json: unknown;
  try {
    json = z.toJSONSchema(schema as unknown as ZodType, { io: 'input', unrepresentable: 'any' });
  } catch {
    return {};
  }
  const properties = isMapping(json) && isMapping(json.properties) ? json.properties : {};
  const out: Record<string, ParamBounds> = {};
  for (const [name, property] of Object.entries(properties)) {
    const node = numericBranch(property);
    if (!node) continue;
    const bounds: ParamBounds = { integer: node.type === 'integer' };
    const minimum = finite(node.minimum);
    const maximum = finite(node.maximum);
    const exclusiveMinimum = finite(node.exclusiveMinimum);
    const exclusiveMaximum = finite(node.exclusiveMaximum);
    if (minimum !== undefined) bounds.minimum = minimum;
    if (maximum !== undefined) bounds.maximum = maximum;
    if (exclusiveMinimum !== undefined) bounds.exclusiveMinimum = exclusiveMinimum;
    if (exclusiveMaximum !== undefined) bounds.exclusiveMaximum = exclusiveMaximum;
    out[name] = bounds;
  }
  return out;
}

/**
 * Fits a refined bound into a parameter's valid range: integers are rounded inwards (`ceil` for a lower bound,
 * `floor` for an upper one, which keeps exactly the same integer-valued samples), then clamped to
 * `[minimum, maximum]`. Returns `undefined` when the value falls on the wrong side of an exclusive bound, so the
 * parameter is left as written.
 */
export function fitToBounds(value: number, side: 'min' | 'max', bounds: ParamBounds | undefined): number | undefined {
  if (!bounds) return value;
  let out = bounds.integer ? (side === 'min' ? Math.ceil(value) : Math.floor(value)) : value;
  if (bounds.minimum !== undefined && out < bounds.minimum) out = bounds.minimum;
  if (bounds.maximum !== undefined && out > bounds.maximum) out = bounds.maximum;
  if (bounds.exclusiveMinimum !== undefined && out <= bounds.exclusiveMinimum) return undefined;
  if (bounds.exclusiveMaximum !== undefined && out >= bounds.exclusiveMaximum) return undefined;
  return out;
}
