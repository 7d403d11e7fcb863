import type { Db } from "@/db/client";
import { notFound } from "@/lib/dashboard/errors";
import { withTokenNames, type TimelineEvent } from "@/lib/dashboard/timeline";
import { parseQuirks, withDirectoryNames } from "./list-log";
import { getRequest } from "./queries";
import { describeQuirks } from "./quirk-notes";
import {
  memberIdsOf,
  resolverFor,
  resourceIdInPath,
  type ResourceKind,
  type ResourceRef,
} from "./resource-refs";

/** A membership event may list thousands of ids; the page names this many and counts the rest. */
export const MEMBERS_SHOWN_MAX = 100;

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
  const addressedId = resourceIdInPath(request.path);
  const refOf = resolverFor(db, [
    ...touched.map((ref) => ref.id),
    ...memberIds.flat(),
    ...(addressedId ? [addressedId] : []),
  ]);
  const addressed = touched.length === 0 && addressedId ? refOf({ id: addressedId }) : undefined;

  const { requestBody, responseBody, isRequestTruncated, isResponseTruncated, ...fields } = request;
  return {
    ...fields,
    directoryName: withDirectoryNames(db, [request])[0]?.directoryName ?? null,
    headers: JSON.parse(request.headers) as Record<string, string>,
    requestBody: bodyOf(requestBody, isRequestTruncated),
    responseBody: bodyOf(responseBody, isResponseTruncated),
    resources: touched.map(refOf),
    /** A read or a rejected write touches nothing; the resource its path names, if it exists. */
    addressed: addressed?.exists ? addressed : null,
    quirks: describeQuirks(parseQuirks(request.quirks)),
    events: withTokenNames(db, events).map((event, index): EntryEvent => ({
      ...event,
      members: (memberIds[index] ?? []).map((memberId) => refOf({ id: memberId })),
      membersMore: Math.max(0, memberIdsOf(event.detail).length - MEMBERS_SHOWN_MAX),
    })),
  };
}

export type LogEntry = ReturnType<typeof getLogEntry>;
