import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { subprocessors } from "./subprocessors";

/** Every saved change to an entry: who, when, and each field before and after. */
export const subprocessorHistory = sqliteTable(
  "subprocessor_history",
  {
    id: text("id").primaryKey(),
    subprocessorId: text("subprocessor_id")
      .notNull()
      .references(() => subprocessors.id, { onDelete: "cascade" }),
    changedAt: text("changed_at").notNull(),
    actorId: text("actor_id"),
    /** The actor's email, copied so history survives the account being deleted. */
    actorLabel: text("actor_label").notNull(),
    action: text("action", { enum: ["subprocessor.created", "subprocessor.updated"] }).notNull(),
    revision: integer("revision").notNull(),
    /** JSON list of `{ field, before, after }`. */
    changes: text("changes", { mode: "json" }).$type<unknown[]>().notNull(),
  },
  (t) => [index("subprocessor_history_entry").on(t.subprocessorId, t.changedAt)],
);
