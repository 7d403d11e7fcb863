import type { Db } from "@/db/client";
import { listDirectories } from "@/lib/directories/directories";
import { directoryNames } from "./list-users";
import { lastSuccessfulSync, recentEvents, requestStats } from "@/lib/sync-log/queries";
import { existingResources } from "@/lib/sync-log/resource-refs";

const HOURS = 24;
const HOUR_MS = 3_600_000;
const RECENT_EVENTS = 12;

export type HourBucket = { hour: string; requests: number; errors: number };

/** The last 24 UTC hours as `YYYY-MM-DDTHH`, oldest first, matching `requestStats`. */
function lastHours(nowMs: number): string[] {
  const currentHourMs = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  return Array.from({ length: HOURS }, (_, index) =>
    new Date(currentHourMs - (HOURS - 1 - index) * HOUR_MS).toISOString().slice(0, 13),
  );
}

/** Per directory: users, groups, last successful sync, and requests and errors per hour. */
export function getOverview(db: Db, nowMs = Date.now()) {
  const hours = lastHours(nowMs);
  const sinceIso = `${hours[0] ?? ""}:00:00.000Z`;
  const stats = requestStats(db, { sinceIso });
  const lastSync = lastSuccessfulSync(db);
  const directories = listDirectories(db).map((directory) => {
    const series = hours.map((hour): HourBucket => {
      const bucket = stats.find((row) => row.directoryId === directory.id && row.hour === hour);
      return { hour, requests: bucket?.requests ?? 0, errors: bucket?.errors ?? 0 };
    });
    return {
      id: directory.id,
      name: directory.name,
      provider: directory.provider,
      // Running counts (migrations 0008 and 0010): counting users would read every row.
      users: {
        active: directory.userCount - directory.inactiveUserCount,
        inactive: directory.inactiveUserCount,
      },
      groups: directory.groupCount,
      lastSuccessfulSyncAt: lastSync.get(directory.id) ?? null,
      requests24h: series.reduce((sum, bucket) => sum + bucket.requests, 0),
      errors24h: series.reduce((sum, bucket) => sum + bucket.errors, 0),
      series,
    };
  });
  const recent = recentEvents(db, { limit: RECENT_EVENTS });
  const names = directoryNames(db, [...new Set(recent.map((event) => event.directoryId))]);
  const live = new Set(directories.map((directory) => directory.id));
  // An event outlives its resource: only those still held may link to their page.
  const existing = existingResources(db, [...new Set(recent.map((event) => event.resourceId))]);
  const events = recent.map((event) => ({
    ...event,
    directoryName: names.get(event.directoryId) ?? "",
    isDirectoryDeleted: !live.has(event.directoryId),
    resourceExists: existing.get(event.resourceId)?.type === event.resourceType,
  }));
  return { directories, recentEvents: events, generatedAt: new Date(nowMs).toISOString() };
}

export type Overview = ReturnType<typeof getOverview>;
