/** What the store needs from PostgreSQL, whichever engine runs it (embedded PGlite or a server). */
export interface Queryable {
  /** One statement with $1-style parameters; returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** One statement; returns the number of rows it changed. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  runScript(sql: string): Promise<void>;
  close(): Promise<void>;
}
