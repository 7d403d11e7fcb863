import type Database from "better-sqlite3";
import { Column, getTableColumns, is, Param, Placeholder, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { preparedFor, type Queryable } from "./client";

/**
 * drizzle's prepared queries work out, on every run, what each parameter and each selected field
 * is (its `is()` walks class chains): about 2 µs a row, a third of a 100-user page's query time.
 * The queries here are built by drizzle once per connection and run by better-sqlite3 with that
 * done up front; values are encoded and rows decoded by the same column mappings as drizzle's.
 */

type Values = Record<string, unknown>;
type Binder = (values: Values) => unknown;
type Encoder = { mapToDriverValue: (value: unknown) => unknown };
type Decoder = { mapFromDriverValue: (value: unknown) => unknown };
type BuiltQuery = { toSQL: () => { sql: string; params: unknown[] } };
type SelectQuery = BuiltQuery & { _: { result: unknown[] } };
type Selection = Record<string, unknown>;
type RowOf<Q extends SelectQuery> = Q["_"]["result"][number];

function valueOf(values: Values, name: string): unknown {
  if (!(name in values)) throw new Error(`No value for "${name}"`);
  return values[name];
}

/** How each parameter of a built query gets its value: a named placeholder, or a constant. */
function parameterBinders(params: readonly unknown[]): Binder[] {
  return params.map((param): Binder => {
    if (is(param, Placeholder)) return (values) => valueOf(values, param.name);
    if (is(param, Param) && is(param.value, Placeholder)) {
      const { name } = param.value;
      const encoder = param.encoder as Encoder;
      return (values) => encoder.mapToDriverValue(valueOf(values, name));
    }
    return () => param;
  });
}

/** An SQL expression's decoder (`mapWith`), which drizzle's types leave out as internal. */
const decoderOfSql = (expression: SQL) => (expression as unknown as { decoder: Decoder }).decoder;

function decoderOf(name: string, field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return decoderOfSql(field);
  if (is(field, SQL.Aliased)) return decoderOfSql(field.sql);
  throw new Error(`directSelect: "${name}" must be a column or an SQL expression`);
}

/** The better-sqlite3 handle under a drizzle database or transaction: one connection. */
function clientOf(db: Queryable): Database.Database {
  const client = (db as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (typeof client?.prepare !== "function") throw new Error("No better-sqlite3 client found");
  return client;
}

function prepareBuilt(db: Queryable, query: BuiltQuery) {
  const { sql: source, params } = query.toSQL();
  const binders = parameterBinders(params);
  return {
    source,
    statement: clientOf(db).prepare(source),
    bind: (values: Values) => binders.map((binder) => binder(values)),
  };
}

/**
 * A SELECT of `selection`, flat fields (columns or SQL expressions), prepared now on `db`'s
 * connection; `query` selects exactly those. Rows come back as drizzle would return them.
 */
export function directSelect<Q extends SelectQuery>(db: Queryable, selection: Selection, query: Q) {
  const { statement, bind } = prepareBuilt(db, query);
  const columns = Object.entries(selection).map(([name, field]) => ({
    name,
    decoder: decoderOf(name, field),
  }));
  const toRow = (raw: unknown[]): RowOf<Q> => {
    const row: Values = {};
    columns.forEach(({ name, decoder }, index) => {
      const value = raw[index];
      row[name] = value === null || value === undefined ? null : decoder.mapFromDriverValue(value);
    });
    return row as RowOf<Q>;
  };
  // Raw mode is a setting of the statement, which the connection's cache shares by SQL text.
  const inRawMode = <T>(run: () => T): T => {
    statement.raw(true);
    try {
      return run();
    } finally {
      statement.raw(false);
    }
  };
  return {
    all: (values: Values): RowOf<Q>[] =>
      inRawMode(() => statement.all(bind(values)) as unknown[][]).map(toRow),
    get: (values: Values): RowOf<Q> | undefined => {
      const raw = inRawMode(() => statement.get(bind(values)) as unknown[] | undefined);
      return raw && toRow(raw);
    },
  };
}

/** directSelect, built once per connection by `build`, which selects `selection`. */
export function preparedSelect<S extends Selection, Q extends SelectQuery>(
  selection: S,
  build: (db: Queryable, selection: S) => Q,
) {
  return preparedFor((db) => directSelect(db, selection, build(db, selection)));
}

/** An INSERT, UPDATE or DELETE prepared once per connection, run with its placeholders' values. */
export function preparedWrite(build: (db: Queryable) => BuiltQuery) {
  return preparedFor((db) => {
    const { statement, bind } = prepareBuilt(db, build(db));
    return { run: (values: Values): Database.RunResult => statement.run(bind(values)) };
  });
}

/**
 * A prepared single-row INSERT of every column of `table`; run it with a complete row. A writer
 * thread with a connection of its own runs `sql` with the parameters `toParameters` gives.
 */
export function preparedInsert<T extends SQLiteTable>(table: T) {
  const placeholders = Object.fromEntries(
    Object.keys(getTableColumns(table)).map((column) => [column, sql.placeholder(column)]),
  ) as unknown as T["$inferInsert"];
  return preparedFor((db) => {
    const { source, statement, bind } = prepareBuilt(db, db.insert(table).values(placeholders));
    const toParameters = (row: T["$inferInsert"]): unknown[] => bind(row as Values);
    return {
      /** The statement's SQL, whose positional parameters `toParameters` gives for a row. */
      sql: source,
      toParameters,
      run: (row: T["$inferInsert"]): Database.RunResult => statement.run(toParameters(row)),
    };
  });
}
