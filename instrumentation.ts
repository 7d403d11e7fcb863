/** Runs once when the server starts: schedules sync-log retention in the Node.js runtime. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/db/client");
  const { startSyncLogRetention } = await import("@/lib/sync-log/prune");
  startSyncLogRetention(getDb);
}
