import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Bare WAL databases for tests of the SQLite worker threads: a file of its own each, with one
 * `items` table, none of the app's migrations. `closeAll` closes every one opened.
 */
export function walDatabases() {
  const opened: Database.Database[] = [];
  return {
    open: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-wal-"));
      const file = path.join(dir, "test.db");
      const sqlite = new Database(file);
      opened.push(sqlite);
      sqlite.pragma("journal_mode = WAL");
      sqlite.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
      return { sqlite, file };
    },
    closeAll: () => {
      for (const sqlite of opened.splice(0)) sqlite.close();
    },
  };
}
