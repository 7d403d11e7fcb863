import { and, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { amongFirstInserted } from "@/db/dialect";
import { syncEventMembers, syncEvents, syncRequestHours, syncRequests } from "@/db/schema";
import { log } from "@/lib/log";
import { firstTimeOrderedIdAt } from "@/lib/time-ordered-ids";

const DAY_MS = 86_400_000;
const BATCH_ROWS = 2_000;
const INTERVAL_MS = 10 * 60_000;

export type Retention = { requestDays: number; eventDays: number };

function days(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Request entries (with their bodies) go after 30 days by default, events after a year. */
export function retentionFromEnv(): Retention {
  return {
    requestDays: days("SYNC_LOG_RETENTION_DAYS", 30),
    eventDays: days("SYNC_EVENT_RETENTION_DAYS", 365),
  };
}

const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Deletes expired entries a batch at a time, giving the event loop back between batches, so a
 * large backlog never holds the write lock for long.
 */
export async function pruneSyncLog(db: Db, retention: Retention, nowMs = Date.now()) {
  const requestCutoff = new Date(nowMs - retention.requestDays * DAY_MS).toISOString();
  // Event ids are UUIDv7: every event older than the cutoff has a smaller id.
  const eventIdCutoff = firstTimeOrderedIdAt(nowMs - retention.eventDays * DAY_MS);
  const deleted = { requests: 0, events: 0 };
  for (;;) {
    const batch = db
      .delete(syncRequests)
      .where(
        sql`${syncRequests.id} IN (SELECT id FROM sync_requests
          WHERE ${lt(syncRequests.createdAt, requestCutoff)} LIMIT ${BATCH_ROWS})`,
      )
      .run().changes;
    deleted.requests += batch;
    if (batch < BATCH_ROWS) break;
    await yieldToRequests();
  }
  // One row per directory and hour: few enough to delete in one statement.
  db.delete(syncRequestHours)
    .where(lt(syncRequestHours.hour, requestCutoff.slice(0, 13)))
    .run();
  for (;;) {
    const batch = db
      .delete(syncEvents)
      .where(
        sql`${syncEvents.id} IN (SELECT id FROM sync_events
          WHERE ${lt(syncEvents.id, eventIdCutoff)} LIMIT ${BATCH_ROWS})`,
      )
      .run().changes;
    deleted.events += batch;
    if (batch < BATCH_ROWS) break;
    await yieldToRequests();
  }
  // Member rows are inserted with their event, so the expired ones come first; a read joins
  // them to their event, so one left behind a newer row until that expires is never shown.
  for (;;) {
    const batch = db
      .delete(syncEventMembers)
      .where(
        and(
          amongFirstInserted(sql`${syncEventMembers}`, BATCH_ROWS),
          lt(syncEventMembers.eventId, eventIdCutoff),
        ),
      )
      .run().changes;
    if (batch < BATCH_ROWS) break;
    await yieldToRequests();
  }
  return deleted;
}

const globalForPrune = globalThis as unknown as { rosterPruneTimer?: NodeJS.Timeout };

/** Prunes now and every ten minutes for the life of the server process. */
export function startSyncLogRetention(getDb: () => Db): void {
  if (globalForPrune.rosterPruneTimer) return;
  const run = () => {
    pruneSyncLog(getDb(), retentionFromEnv())
      .then((deleted) => {
        if (deleted.requests + deleted.events > 0) log.info(deleted, "sync_log.pruned");
      })
      .catch((error: unknown) => log.error({ err: error }, "sync_log.prune_failed"));
  };
  run();
  globalForPrune.rosterPruneTimer = setInterval(run, INTERVAL_MS);
  globalForPrune.rosterPruneTimer.unref();
}
