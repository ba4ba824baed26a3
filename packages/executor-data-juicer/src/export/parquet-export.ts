import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import type { RowSchema, SchemaNode } from './row-schema.ts';

type ColumnType = 'STRING' | 'DOUBLE' | 'INT64' | 'BOOLEAN' | 'JSON';

/** Parquet type of a top-level column: scalars keep their type; structs, lists and mixed columns become JSON. */
function columnType(node: SchemaNode): ColumnType {
  if (node.keys || node.item || node.leaf.other) return 'JSON';
  const { int, float, string, boolean } = node.leaf;
  const kinds = [int || float, string, boolean].filter(Boolean).length;
  if (kinds > 1) return 'JSON';
  if (string) return 'STRING';
  if (boolean) return 'BOOLEAN';
  if (float) return 'DOUBLE';
  if (int) return 'INT64';
  return 'JSON';
}

/**
 * Writes rows (already unified to `schema`) to a Parquet file, one row group per 10,000 rows, pulling rows lazily
 * so memory stays bounded by a row group. Nested columns are stored with the JSON logical type.
 */
export async function writeParquet(
  path: string,
  schema: RowSchema,
  rows: AsyncIterable<Record<string, unknown>>,
): Promise<void> {
  const keys = schema.root.keys ?? [];
  const types = keys.map((k) => columnType(schema.root.fields!.get(k)!));
  async function* converted(): AsyncGenerator<Record<string, unknown>> {
    for await (const row of rows) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const v = row[keys[i]!];
        out[keys[i]!] = types[i] === 'INT64' && typeof v === 'number' ? BigInt(v) : (v ?? null);
      }
      yield out;
    }
  }
  if (keys.length === 0) {
    // An empty dataset still gets a valid file with one placeholder column, as pandas writes for no columns.
    keys.push('text');
    types.push('STRING');
  }
  await parquetWriteRows({
    writer: fileWriter(path),
    rows: converted(),
    columns: keys.map((name, i) => ({ name, type: types[i]!, nullable: true })),
    rowGroupSize: 10_000,
  });
}
