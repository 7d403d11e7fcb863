import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, users } from "@/db/schema";
import { notFound } from "@/lib/dashboard/errors";
import { withTokenNames, type TimelineEvent } from "@/lib/dashboard/timeline";
import { parseQuirks, withDirectoryNames } from "./list-log";
import { getRequest } from "./queries";
import { describeQuirks } from "./quirk-notes";

/** A membership event may list thousands of ids; the page names this many and counts the rest. */
export const MEMBERS_SHOWN_MAX = 100;

type ResourceKind = "User" | "Group";
export type ResourceRef = { type: ResourceKind; id: string; label: string | null; exists: boolean };
export type StoredBody = { json: unknown; text: string; isJson: boolean; isTruncated: boolean };
export type EntryEvent = TimelineEvent & { members: ResourceRef[]; membersMore: number };

function bodyOf(text: string | null, isTruncated: boolean): StoredBody | null {
  if (text === null || text === "") return null;
  try {
    return { json: JSON.parse(text) as unknown, text, isJson: true, isTruncated };
  } catch {
    return { json: null, text, isJson: false, isTruncated };
  }
}

/** Which of `ids` still exist, as users or groups, with their current names. */
function existingResources(
  db: Db,
  ids: string[],
): Map<string, { type: ResourceKind; label: string }> {
  const found = new Map<string, { type: ResourceKind; label: string }>();
  if (ids.length === 0) return found;
  const userRows = db
    .select({ id: users.id, label: users.userName })
    .from(users)
    .where(inArray(users.id, ids))
    .all();
  const groupRows = db
    .select({ id: groups.id, label: groups.displayName })
    .from(groups)
    .where(inArray(groups.id, ids))
    .all();
  for (const row of userRows) found.set(row.id, { type: "User", label: row.label });
  for (const row of groupRows) found.set(row.id, { type: "Group", label: row.label });
  return found;
}

function memberIdsOf(detail: unknown): string[] {
  if (typeof detail !== "object" || detail === null || !("memberIds" in detail)) return [];
  const ids = (detail as { memberIds: unknown }).memberIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}

function parseTouched(text: string): { type: ResourceKind; id: string; label: string | null }[] {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: { type?: unknown; id?: unknown; label?: unknown }) =>
    (item.type === "User" || item.type === "Group") && typeof item.id === "string"
      ? [
          {
            type: item.type,
            id: item.id,
            label: typeof item.label === "string" ? item.label : null,
          },
        ]
      : [],
  );
}

/** Everything the entry page shows: both bodies, headers, events with diffs, quirks, resources. */
export function getLogEntry(db: Db, id: string) {
  const found = getRequest(db, id);
  if (!found) throw notFound("Log entry");
  const { request, events } = found;

  const touched = parseTouched(request.resources);
  const memberIds = events.map((event) => memberIdsOf(event.detail).slice(0, MEMBERS_SHOWN_MAX));
  const existing = existingResources(db, [
    ...new Set([...touched.map((r) => r.id), ...memberIds.flat()]),
  ]);
  const refOf = (ref: { type: ResourceKind | null; id: string; label: string | null }) => {
    const now = existing.get(ref.id);
    return now
      ? { type: now.type, id: ref.id, label: now.label, exists: true }
      : { type: ref.type ?? "User", id: ref.id, label: ref.label, exists: false };
  };

  const { requestBody, responseBody, isRequestTruncated, isResponseTruncated, ...fields } = request;
  return {
    ...fields,
    directoryName: withDirectoryNames(db, [request])[0]?.directoryName ?? null,
    headers: JSON.parse(request.headers) as Record<string, string>,
    requestBody: bodyOf(requestBody, isRequestTruncated),
    responseBody: bodyOf(responseBody, isResponseTruncated),
    resources: touched.map(refOf),
    quirks: describeQuirks(parseQuirks(request.quirks)),
    events: withTokenNames(db, events).map((event, index): EntryEvent => ({
      ...event,
      members: (memberIds[index] ?? []).map((memberId) =>
        refOf({ type: null, id: memberId, label: null }),
      ),
      membersMore: Math.max(0, memberIdsOf(event.detail).length - MEMBERS_SHOWN_MAX),
    })),
  };
}

export type LogEntry = ReturnType<typeof getLogEntry>;
