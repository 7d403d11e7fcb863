import { count, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, users } from "@/db/schema";

/**
 * A cheap fingerprint of the users and groups tables: any create, change or delete moves it.
 * Open lists poll this and fetch their page again only when it moved.
 */
export function changeStamp(db: Db): { users: string; groups: string } {
  const u = db
    .select({ n: count(), last: max(users.lastModified) })
    .from(users)
    .get();
  const g = db
    .select({ n: count(), last: max(groups.lastModified) })
    .from(groups)
    .get();
  return { users: `${u?.n ?? 0}:${u?.last ?? ""}`, groups: `${g?.n ?? 0}:${g?.last ?? ""}` };
}
