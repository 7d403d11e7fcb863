import { sql, type SQL } from "drizzle-orm";

/**
 * Substring match for dashboard search, with `needle` bound as a parameter. It belongs beside
 * the other SQLite fragments in db/dialect.ts and can move there.
 */
export function containsText(expression: SQL, needle: string): SQL {
  return sql`instr(${expression}, ${needle}) > 0`;
}
