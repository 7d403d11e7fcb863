/**
 * Runs once when the server starts: background checkpoints, the sync log's writer thread and
 * its retention.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databasePath, getDb } = await import("@/db/client");
  const { startBackgroundCheckpoints } = await import("@/db/background-checkpoints");
  const { startBackgroundInserts } = await import("@/db/background-inserts");
  const { log } = await import("@/lib/log");
  const { startSyncLogRetention } = await import("@/lib/sync-log/prune");
  const { isSyncLogEnabled, queueSyncLogRows, sendSyncLogTo, syncRequestInsertSql } =
    await import("@/lib/sync-log/record-request");
  startBackgroundCheckpoints(getDb().$client, databasePath(), (error) =>
    log.error({ err: error }, "db.checkpoint_failed"),
  );
  if (isSyncLogEnabled()) {
    const sql = syncRequestInsertSql(getDb());
    // Every failed write is kept and retried each second. A lock held by another connection
    // passes by itself (a warning); any other failure may not, and is repeated while it lasts.
    const inserts = startBackgroundInserts(
      databasePath(),
      sql,
      (reason, level) =>
        level === "warn"
          ? log.warn({ reason }, "sync_log.write_retrying")
          : log.error({ reason }, "sync_log.write_failed"),
      { onStopped: (rows) => queueSyncLogRows(getDb(), rows) },
    );
    sendSyncLogTo(inserts);
  }
  startSyncLogRetention(getDb);
}
