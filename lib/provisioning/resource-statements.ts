import { and, eq, getTableColumns, ne, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Queryable, Tx } from "@/db/client";
import { preparedSelect, preparedWrite } from "@/db/direct-statements";

/** A table of SCIM resources: users or groups. */
type ResourceTable = SQLiteTable & { id: SQLiteColumn; directoryId: SQLiteColumn };

/** Finds a resource row by directory and id, with a statement prepared once per connection. */
export function rowFinder<T extends ResourceTable>(table: T) {
  const select = preparedSelect(getTableColumns(table as SQLiteTable), (db, selection) =>
    db
      .select(selection)
      .from(table as SQLiteTable)
      .where(
        and(
          eq(table.directoryId, sql.placeholder("directoryId")),
          eq(table.id, sql.placeholder("id")),
        ),
      ),
  );
  return (db: Queryable, directoryId: string, id: string) =>
    select(db).get({ directoryId, id }) as T["$inferSelect"] | undefined;
}

/**
 * Whether another resource of the directory holds a unique key (a folded userName or group
 * displayName); `exceptId` is the resource being written, or "" for a new one.
 */
export function keyHolderCheck(table: ResourceTable, key: SQLiteColumn) {
  const select = preparedSelect({ id: table.id }, (db, selection) =>
    db
      .select(selection)
      .from(table)
      .where(
        and(
          eq(key, sql.placeholder("key")),
          eq(table.directoryId, sql.placeholder("directoryId")),
          ne(table.id, sql.placeholder("exceptId")),
        ),
      ),
  );
  return (db: Queryable, directoryId: string, keyValue: string, exceptId = "") =>
    select(db).get({ key: keyValue, directoryId, exceptId }) !== undefined;
}

/**
 * Writes only the columns in `changes`: SQLite rewrites the entry of every index on a column an
 * UPDATE names, changed or not, so a PATCH of `title` leaves the userName index alone. One
 * statement is prepared per set of columns.
 */
export function columnUpdater<T extends ResourceTable>(table: T) {
  const statements = new Map<string, ReturnType<typeof prepareUpdate>>();
  const prepareUpdate = (columns: readonly string[]) => {
    const values = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)]));
    return preparedWrite((db) =>
      db
        .update(table as SQLiteTable)
        .set(values)
        .where(eq(table.id, sql.placeholder("id"))),
    );
  };
  return (tx: Tx, id: string, changes: Partial<T["$inferInsert"]>) => {
    const key = Object.keys(changes).sort().join(",");
    let update = statements.get(key);
    if (!update) {
      update = prepareUpdate(key.split(","));
      statements.set(key, update);
    }
    update(tx).run({ ...changes, id });
  };
}

/** The columns of `next` whose values differ from the stored row's: what an UPDATE must name. */
export function changedColumns<T extends Record<string, unknown>>(
  row: Record<string, unknown>,
  next: T,
): Partial<T> {
  const changed = Object.entries(next).filter(([column, value]) => row[column] !== value);
  return Object.fromEntries(changed) as Partial<T>;
}
