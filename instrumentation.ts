/** Runs once when the server starts: background checkpoints and sync-log retention. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databasePath, getDb } = await import("@/db/client");
  const { startBackgroundCheckpoints } = await import("@/db/background-checkpoints");
  const { log } = await import("@/lib/log");
  const { startSyncLogRetention } = await import("@/lib/sync-log/prune");
  startBackgroundCheckpoints(getDb().$client, databasePath(), (error) =>
    log.error({ err: error }, "db.checkpoint_failed"),
  );
  startSyncLogRetention(getDb);
}
