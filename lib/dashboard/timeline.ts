import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tokens } from "@/db/schema";
import type { SyncEvent } from "@/lib/sync-log/queries";

export type TimelineEvent = SyncEvent & { tokenName: string | null };

/** Names the token behind each event, so a timeline says which connection made the change. */
export function withTokenNames(db: Db, events: SyncEvent[]): TimelineEvent[] {
  const ids = [...new Set(events.flatMap((event) => (event.tokenId ? [event.tokenId] : [])))];
  const names = new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: tokens.id, name: tokens.name })
          .from(tokens)
          .where(inArray(tokens.id, ids))
          .all()
          .map((row) => [row.id, row.name] as const),
  );
  return events.map((event) => ({
    ...event,
    tokenName: event.tokenId ? (names.get(event.tokenId) ?? null) : null,
  }));
}
