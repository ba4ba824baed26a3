import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBType, type Json } from '@duckdb/node-api';

/** Quotes a string as a SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes a name as a SQL identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Options of a DuckDB session. */
export interface DuckSessionOptions {
  /** Worker threads DuckDB may use (default: DuckDB's choice, one per core). */
  threads?: number;
  /** DuckDB's memory limit, e.g. `2GB`; above it, sorts and joins spill to a temporary folder. */
  memoryLimit?: string;
}

/**
 * One in-memory DuckDB database for one manipulator run, with a private spill folder. Pools are loaded into its
 * tables, so sorts, joins and sampling run in DuckDB and never hold a pool in JavaScript memory.
 */
export class DuckSession {
  private tableCount = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    /** The connection every query goes through. */
    readonly connection: DuckDBConnection,
    private readonly spillDir: string,
  ) {}

  /** Opens a session; close it with {@link DuckSession.close}. */
  static async open(options: DuckSessionOptions = {}): Promise<DuckSession> {
    const spillDir = await mkdtemp(join(tmpdir(), 'dj-datapool-'));
    const config: Record<string, string> = { temp_directory: spillDir, preserve_insertion_order: 'true' };
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await DuckDBInstance.create(':memory:', config);
    return new DuckSession(instance, await instance.connect(), spillDir);
  }

  /** A fresh table name. */
  tableName(prefix: string): string {
    this.tableCount += 1;
    return `${prefix}_${this.tableCount}`;
  }

  /** Runs a statement. */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Runs a query and returns its rows as JSON objects (for small results: counts, stats). */
  async rows(sql: string): Promise<Array<Record<string, Json>>> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson();
  }

  /** The names and types of a query's columns, without running it over the data. */
  async columns(sql: string): Promise<Array<{ name: string; type: DuckDBType }>> {
    const reader = await this.connection.runAndReadUntil(`SELECT * FROM (${sql}) LIMIT 0`, 0);
    return reader.columnNames().map((name, i) => ({ name, type: reader.columnType(i) }));
  }

  /** Streams a query's rows in chunks, as JSON values. */
  async *stream(sql: string): AsyncGenerator<Json[][]> {
    const result = await this.connection.stream(sql);
    yield* result.yieldRowsJson();
  }

  /** Closes the database and removes its spill folder. */
  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.spillDir, { recursive: true, force: true });
  }
}
