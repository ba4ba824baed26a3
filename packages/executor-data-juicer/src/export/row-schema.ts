/**
 * The unified schema of exported rows, as HF datasets (Arrow) keep it: struct fields in order of first appearance,
 * a missing field written as null, nested structs (also inside lists) unified the same way. Leaves remember which
 * JSON types they held, so the Parquet writer can pick column types.
 */

/** Which JSON types a leaf held. */
/**
 * Sets a field of a row, `__proto__` included: a plain assignment of `__proto__` would replace the object's prototype
 * and lose the field (input data may hold any key; it is data, never a prototype).
 */
export function setField(row: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
  else row[key] = value;
}

export interface LeafTypes {
  int: boolean;
  float: boolean;
  string: boolean;
  boolean: boolean;
  other: boolean;
}

/** A node of the schema tree. */
export class SchemaNode {
  /** Struct field names in order; null until an object is seen here. */
  keys: string[] | null = null;
  fields: Map<string, SchemaNode> | null = null;
  /** Element node; null until a list is seen here. */
  item: SchemaNode | null = null;
  readonly leaf: LeafTypes = { int: false, float: false, string: false, boolean: false, other: false };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** A growing row schema; `version` increases whenever a field is added anywhere. */
export class RowSchema {
  readonly root = new SchemaNode();
  version = 0;

  /** `excludeTop`: top-level fields never added (e.g. stats columns the export removes). */
  constructor(private readonly excludeTop: ReadonlySet<string> = new Set()) {}

  /** Observes a whole row, skipping the excluded top-level fields. */
  observeRow(row: Record<string, unknown>): void {
    if (this.excludeTop.size === 0) {
      this.observe(row);
      return;
    }
    const kept: Record<string, unknown> = {};
    for (const key in row) if (!this.excludeTop.has(key)) setField(kept, key, row[key]);
    this.observe(kept);
  }

  /** Adds every field of `value` that the schema does not have yet. */
  observe(value: unknown, node: SchemaNode = this.root): void {
    if (isPlainObject(value)) {
      if (!node.fields) {
        node.fields = new Map();
        node.keys = [];
      }
      for (const key in value) {
        let child = node.fields.get(key);
        if (!child) {
          child = new SchemaNode();
          node.fields.set(key, child);
          node.keys!.push(key);
          this.version++;
        }
        this.observe(value[key], child);
      }
    } else if (Array.isArray(value)) {
      if (!node.item) node.item = new SchemaNode();
      for (let i = 0; i < value.length; i++) this.observe(value[i], node.item);
    } else if (typeof value === 'number') {
      if (Number.isInteger(value)) node.leaf.int = true;
      else node.leaf.float = true;
    } else if (typeof value === 'string') node.leaf.string = true;
    else if (typeof value === 'boolean') node.leaf.boolean = true;
    else if (value !== null && value !== undefined) node.leaf.other = true;
  }

  /** `value` with every struct's fields in schema order and missing ones null; the same object if it already fits. */
  conform(value: unknown, node: SchemaNode = this.root): unknown {
    if (isPlainObject(value) && node.keys) {
      const keys = node.keys;
      let fits = true;
      let i = 0;
      for (const key in value) {
        if (keys[i] !== key) {
          fits = false;
          break;
        }
        const child = value[key];
        if (typeof child === 'object' && child !== null && this.conform(child, node.fields!.get(key)!) !== child) {
          fits = false;
          break;
        }
        i++;
      }
      if (fits && i === keys.length) return value;
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        // own fields only: `value.__proto__` of a row without that field is Object.prototype, not a value
        const child = Object.hasOwn(value, key) ? value[key] : undefined;
        setField(out, key, child === undefined ? null : this.conform(child, node.fields!.get(key)!));
      }
      return out;
    }
    if (Array.isArray(value) && node.item && (node.item.keys || node.item.item)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const c = this.conform(value[i], node.item);
        if (c !== value[i]) {
          out ??= value.slice();
          out[i] = c;
        }
      }
      return out ?? value;
    }
    return value;
  }
}
