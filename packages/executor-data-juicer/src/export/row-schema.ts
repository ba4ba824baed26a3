/**
 * The unified schema of exported rows, as HF datasets (Arrow) keep it: struct fields in order of first appearance,
 * a missing field written as null, nested structs (also inside lists) unified the same way. Leaves remember which
 * JSON types they held, so the Parquet writer can pick column types.
 */

/**
 * Sets a field of a row, `__proto__` included: a plain assignment of `__proto__` would replace the object's prototype
 * and lose the field (input data may hold any key; it is data, never a prototype).
 */
export function setField(row: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
  else row[key] = value;
}

/** Which JSON types a leaf held. */
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
  /** How many of `keys`, from the front, were seen in input rows (the rest were added by operators). */
  inputCount = 0;
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

  /**
   * Observes a whole input row, skipping the excluded top-level fields. Input fields come before the fields that
   * operators add, as in HF datasets (whose schema is the loaded file's, before any op runs), whatever the order in
   * which input and output rows are observed: so the result does not depend on how far the reader ran ahead.
   */
  observeRow(row: Record<string, unknown>): void {
    if (this.excludeTop.size === 0) {
      this.observe(row, this.root, true);
      return;
    }
    const kept: Record<string, unknown> = {};
    for (const key in row) if (!this.excludeTop.has(key)) setField(kept, key, row[key]);
    this.observe(kept, this.root, true);
  }

  /** Adds the field `key` at `node` (an input field goes after the input fields, before operators' fields). */
  addKey(node: SchemaNode, key: string, input: boolean): SchemaNode {
    if (!node.fields) {
      node.fields = new Map();
      node.keys = [];
    }
    let child = node.fields.get(key);
    const keys = node.keys!;
    if (!child) {
      child = new SchemaNode();
      node.fields.set(key, child);
      if (input) keys.splice(node.inputCount++, 0, key);
      else keys.push(key);
      this.version++;
    } else if (input && node.inputCount < keys.length) {
      const at = keys.indexOf(key);
      if (at >= node.inputCount) {
        // First seen as an operator's field, now in an input row: it belongs with the input fields.
        keys.splice(at, 1);
        keys.splice(node.inputCount++, 0, key);
        this.version++;
      }
    }
    return child;
  }

  /** Adds every field of `value` that the schema does not have yet (`input`: `value` is, or is in, an input row). */
  observe(value: unknown, node: SchemaNode = this.root, input = false): void {
    if (isPlainObject(value)) {
      if (!node.fields) {
        node.fields = new Map();
        node.keys = [];
      }
      for (const key in value) {
        let child = node.fields.get(key);
        if (!child || (input && node.inputCount < node.keys!.length)) child = this.addKey(node, key, input);
        this.observe(value[key], child, input);
      }
    } else if (Array.isArray(value)) {
      if (!node.item) node.item = new SchemaNode();
      for (let i = 0; i < value.length; i++) this.observe(value[i], node.item, input);
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

/**
 * A schema tree as plain data, so that a worker thread can send the schema of the rows it serialised: struct keys
 * in order with their nodes, the list item node, and the leaf types as bits (int, float, string, boolean, other).
 */
export interface PlainSchemaNode {
  k?: Array<[string, PlainSchemaNode]>;
  i?: PlainSchemaNode;
  l: number;
}

const LEAF_BITS = ['int', 'float', 'string', 'boolean', 'other'] as const;

/** `node` as plain data (see {@link PlainSchemaNode}). */
export function plainSchema(node: SchemaNode): PlainSchemaNode {
  let l = 0;
  LEAF_BITS.forEach((bit, b) => {
    if (node.leaf[bit]) l |= 1 << b;
  });
  const out: PlainSchemaNode = { l };
  if (node.keys) out.k = node.keys.map((key) => [key, plainSchema(node.fields!.get(key)!)]);
  if (node.item) out.i = plainSchema(node.item);
  return out;
}

/**
 * Adds a plain schema's fields to `schema` at `node`, exactly as observing the rows it was built from would (new
 * struct fields in their order of first appearance, version bumped once per new field, leaf types joined).
 */
export function mergePlainSchema(
  schema: RowSchema,
  plain: PlainSchemaNode,
  input: boolean,
  node: SchemaNode = schema.root,
): void {
  LEAF_BITS.forEach((bit, b) => {
    if (plain.l & (1 << b)) node.leaf[bit] = true;
  });
  if (plain.k) {
    if (!node.fields) {
      node.fields = new Map();
      node.keys = [];
    }
    for (const [key, child] of plain.k) mergePlainSchema(schema, child, input, schema.addKey(node, key, input));
  }
  if (plain.i) {
    if (!node.item) node.item = new SchemaNode();
    mergePlainSchema(schema, plain.i, input, node.item);
  }
}

/**
 * True when every struct of `plain` has exactly the fields, in the same order, that `node` has: rows that fit
 * `plain` then also fit the unified schema, so their serialisation needs no change.
 */
export function sameStructs(plain: PlainSchemaNode, node: SchemaNode): boolean {
  if (plain.k) {
    const keys = node.keys;
    if (!keys || keys.length !== plain.k.length) return false;
    for (let i = 0; i < keys.length; i++) {
      const [key, child] = plain.k[i]!;
      if (keys[i] !== key || !sameStructs(child, node.fields!.get(key)!)) return false;
    }
  }
  if (plain.i) return node.item !== null && sameStructs(plain.i, node.item);
  return true;
}
