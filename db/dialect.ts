import type Database from "better-sqlite3";
import { sql, type Placeholder, type SQL } from "drizzle-orm";

/**
 * Every SQL fragment that differs between SQLite and Postgres lives here, so a Postgres port
 * swaps this one module. Everything else builds queries from these and drizzle's portable API.
 */

/** `$."a"."b"`: SQLite's JSON path syntax, quoting keys because schema URNs contain colons. */
function jsonPath(keys: readonly string[]): string {
  return "$" + keys.map((key) => `."${key.replaceAll('"', '\\"')}"`).join("");
}

/** The scalar at `keys` inside a JSON text column, as SQL null when absent. */
export function jsonScalar(column: SQL, keys: readonly string[]): SQL {
  return sql`json_extract(${column}, ${jsonPath(keys)})`;
}

/** Whether the JSON at `keys` exists and is not null. */
export function jsonPresent(column: SQL, keys: readonly string[]): SQL {
  const type = sql`json_type(${column}, ${jsonPath(keys)})`;
  return sql`(${type} IS NOT NULL AND ${type} <> 'null')`;
}

/** How many elements the JSON array in a text column (or at `keys` inside it) has. */
export function jsonArrayLength(column: SQL, keys: readonly string[] = []): SQL<number> {
  return sql<number>`json_array_length(${column}, ${jsonPath(keys)})`;
}

/** The first `count` elements of the JSON array at `keys`, as JSON array text; `'[]'` if none. */
export function jsonArrayHead(column: SQL, keys: readonly string[], count: number): SQL<string> {
  const elements = sql`json_each(${column}, ${jsonPath(keys)})`;
  const limit = sql.raw(String(Math.max(0, Math.trunc(count))));
  return sql<string>`(SELECT json_group_array(h.value) FROM
    (SELECT value FROM ${elements} ORDER BY key LIMIT ${limit}) AS h)`;
}

/**
 * `EXISTS` over the elements of a JSON array; `element(keys)` reads a field of one element.
 * The alias is fixed per nesting level, and filters never nest arrays inside arrays.
 */
export function jsonArrayExists(
  column: SQL,
  keys: readonly string[],
  condition: (element: (keys: readonly string[]) => SQL) => SQL,
): SQL {
  const element = (inner: readonly string[]) =>
    inner.length === 0 ? sql.raw("e.value") : jsonScalar(sql.raw("e.value"), inner);
  const elements = sql`json_each(${column}, ${jsonPath(keys)})`;
  return sql`EXISTS (SELECT 1 FROM ${elements} AS e WHERE ${condition(element)})`;
}

/**
 * SQLite plans a statement again each time a parameter it read while planning is rebound, and a
 * bare `?` as LIMIT or OFFSET is read (SQLite 3.47+). A cast hides the value from the planner,
 * so a prepared page query stays prepared: a userName lookup's SELECT runs in a third the time.
 */
export function withOpaqueLimits(source: string): string {
  return source.replace(/\b(limit|offset) \?/gi, "$1 cast(? as integer)");
}

/**
 * Replaces the planner statistics with measured ones, keeping only sqlite_stat1's row counts.
 * SQLite compares a parameter against stat4's sampled values while planning, and then plans the
 * statement again each time that parameter is rebound: nearly every execution.
 */
export function measurePlannerStatistics(sqlite: Database.Database): void {
  sqlite.exec("ANALYZE");
  const hasSamples = sqlite
    .prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4'")
    .get();
  if (hasSamples) sqlite.exec("DELETE FROM sqlite_stat4; ANALYZE sqlite_schema");
}

/** Case folding for every script: SQLite's own lower() folds only ASCII. */
export const FOLD_FUNCTION = "roster_fold";

/** Registers FOLD_FUNCTION on a connection; the `_key` columns hold text folded the same way. */
export function registerFunctions(sqlite: Database.Database): void {
  sqlite.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? value.toLowerCase() : value,
  );
}

export function lowerText(expression: SQL): SQL {
  return sql`${sql.raw(FOLD_FUNCTION)}(${expression})`;
}

/** ORDER BY terms putting absent values last ascending, first descending (RFC 7644 §3.4.2.3). */
export function sortTerms(expression: SQL, descending: boolean): SQL[] {
  const direction = sql.raw(descending ? "DESC" : "ASC");
  return [sql`(${expression} IS NULL) ${direction}`, sql`${expression} ${direction}`];
}

/** SQLite's storage classes in the order ORDER BY puts them. */
function storageClassRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number" || typeof value === "bigint") return 1;
  if (typeof value === "string") return 2;
  return 3;
}

/**
 * Text in code point order, which is the byte order of UTF-8 that SQLite's BINARY collation
 * compares; UTF-16 code units order characters beyond U+FFFF before U+E000 to U+FFFF.
 */
function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const isSurrogateX = x >= 0xd800 && x <= 0xdfff;
    const isSurrogateY = y >= 0xd800 && y <= 0xdfff;
    if (isSurrogateX !== isSurrogateY) return isSurrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Two values as SQLite's ORDER BY compares them: NULL, then numbers, then text, then blobs. */
export function compareValues(a: unknown, b: unknown): number {
  const byClass = storageClassRank(a) - storageClassRank(b);
  if (byClass !== 0) return byClass;
  if (typeof a === "string" && typeof b === "string") return compareText(a, b);
  const isNumberA = typeof a === "number" || typeof a === "bigint";
  const isNumberB = typeof b === "number" || typeof b === "bigint";
  if (isNumberA && isNumberB) return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  return 0;
}

/** The order sortTerms gives, for values read back from the database (rows merged in memory). */
export function compareSortValues(a: unknown, b: unknown, descending: boolean): number {
  const isNull = (value: unknown) => (value === null || value === undefined ? 1 : 0);
  const ascending = isNull(a) - isNull(b) || compareValues(a, b);
  return descending ? -ascending : ascending;
}

/**
 * A hint that `condition` holds for few rows. SQLite without measured statistics assumes a range
 * matches a quarter of a table; `likelihood` corrects the estimate and keeps the index usable.
 */
export function fewRowsMatch(condition: SQL): SQL {
  return sql`likelihood(${condition}, 0.001)`;
}

/** `needle` and the other values below arrive as bound parameters or placeholders. */
export function containsText(expression: SQL, needle: SQL | string): SQL {
  return sql`instr(${expression}, ${needle}) > 0`;
}

/** `negativeLength` is minus the suffix's length in characters. */
export function endsWithText(expression: SQL, suffix: SQL, negativeLength: SQL): SQL {
  return sql`substr(${expression}, ${negativeLength}) = ${suffix}`;
}

/** A JSON boolean read by jsonScalar comes back as 1 or 0 in SQLite. */
export function booleanValue(value: boolean): number {
  return value ? 1 : 0;
}

/** The strings of a JSON array bound as one parameter, as a one-column subquery (`value`). */
export function boundTextList(json: SQL | Placeholder): SQL {
  return sql`(SELECT value FROM json_each(${json}))`;
}

/**
 * A SELECT for INSERT … SELECT: `(tag, element)` for each string of the JSON array at `keys` in
 * a JSON text bound as one parameter.
 */
export function taggedTextRows(
  tag: SQL | Placeholder,
  json: SQL | Placeholder,
  keys: readonly string[] = [],
): SQL {
  return sql`SELECT ${tag}, value FROM json_each(${json}, ${jsonPath(keys)}) WHERE true`;
}

/** Whether a row is among the `count` first inserted into `table`, which has no primary key. */
export function amongFirstInserted(table: SQL, count: number): SQL {
  const limit = sql.raw(String(Math.max(0, Math.trunc(count))));
  return sql`rowid IN (SELECT rowid FROM ${table} ORDER BY rowid LIMIT ${limit})`;
}

/**
 * The rows of a JSON array of equally long arrays, bound as one parameter, as a SELECT for
 * INSERT … SELECT: one column per element. Its WHERE clause is what lets an ON CONFLICT clause
 * follow it without SQLite reading that as a join constraint.
 */
export function jsonArrayRows(json: SQL | Placeholder, width: number): SQL {
  const columns = Array.from({ length: width }, (_, index) => sql.raw(`value ->> ${index}`));
  return sql`SELECT ${sql.join(columns, sql`, `)} FROM json_each(${json}) WHERE true`;
}

/**
 * A JSON array text with one `[a, b, …]` tuple per row, in no particular order; `'[]'` when
 * there are none. `from` is the rest of a SELECT: `FROM … WHERE …`.
 */
export function jsonTuples(values: readonly SQL[], from: SQL): SQL {
  const tuple = sql.join([...values], sql`, `);
  return sql`(SELECT json_group_array(json_array(${tuple})) ${from})`;
}

/** Whether a driver error is a violated UNIQUE constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Whether a driver error is a violated FOREIGN KEY constraint. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}
