import { max, sum } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directories, groups, syncRequests, users } from "@/db/schema";

export type ChangeStamp = { users: string; groups: string; requests: string };

/**
 * A cheap fingerprint of the users and groups tables: any create, change or delete moves it.
 * Open lists poll this every two seconds and fetch their page again only when it moved, so it
 * reads the directories' running counts instead of counting the rows. `requests` is the newest
 * sync-log entry, for the overview's request counts, which reads and failures move too.
 */
export function changeStamp(db: Db): ChangeStamp {
  const totals = db
    .select({ users: sum(directories.userCount), groups: sum(directories.groupCount) })
    .from(directories)
    .get();
  // Alone in its query, max() is one seek to the end of the users' last_modified index; groups,
  // which are few, are read through their directory index.
  const newestUser = db
    .select({ last: max(users.lastModified) })
    .from(users)
    .get();
  const newestGroup = db
    .select({ last: max(groups.lastModified) })
    .from(groups)
    .get();
  const newestRequest = db
    .select({ id: max(syncRequests.id) })
    .from(syncRequests)
    .get();
  return {
    users: `${totals?.users ?? 0}:${newestUser?.last ?? ""}`,
    groups: `${totals?.groups ?? 0}:${newestGroup?.last ?? ""}`,
    requests: newestRequest?.id ?? "",
  };
}
