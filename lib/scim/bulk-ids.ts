import { ScimError } from "./errors";

/**
 * RFC 7644 §3.7.2: `bulkId:x`, anywhere in a Bulk operation's path or data, stands for the id of
 * the resource that the POST with bulkId x creates in the same request.
 */
const PREFIX = "bulkId:";

/** The bulkIds that `value` refers to, at any depth. */
export function referencedBulkIds(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    if (value.startsWith(PREFIX)) into.add(value.slice(PREFIX.length));
  } else if (Array.isArray(value)) {
    for (const item of value) referencedBulkIds(item, into);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) referencedBulkIds(item, into);
  }
  return into;
}

/** What became of each POST's bulkId so far: the id it created, or why there is none. */
export type BulkIdOutcome = { id: string } | { failed: string };
export type BulkIdOutcomes = ReadonlyMap<string, BulkIdOutcome>;

/** `value` with every `bulkId:x` replaced by the id created as x; 409 when x has none. */
export function resolveBulkIds(value: unknown, outcomes: BulkIdOutcomes): unknown {
  if (typeof value === "string" && value.startsWith(PREFIX)) {
    const bulkId = value.slice(PREFIX.length);
    const outcome = outcomes.get(bulkId);
    if (outcome && "id" in outcome) return outcome.id;
    const detail = outcome
      ? `"${value}" cannot be resolved: ${outcome.failed}`
      : `"${value}" names no POST operation of this request`;
    throw new ScimError(409, detail, "invalidValue");
  }
  if (Array.isArray(value)) return value.map((item) => resolveBulkIds(item, outcomes));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveBulkIds(item, outcomes)]),
    );
  }
  return value;
}

/** A Group POST's data, split for RFC 7644 §3.7.1 circular references: see `deferMembers`. */
export type DeferredMembers = { data: Record<string, unknown>; members: unknown[] };

/**
 * Breaks a cycle of bulkId references at a Group POST: the group is created without the members
 * that refer to `waiting` bulkIds, and they are added once those resources exist. Undefined when
 * the group refers to a waiting bulkId anywhere but in its members, as then nothing can go first.
 */
export function deferMembers(
  data: unknown,
  waiting: ReadonlySet<string>,
): DeferredMembers | undefined {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const entries = Object.entries(data);
  const membersKey = entries.find(([key]) => key.toLowerCase() === "members")?.[0];
  const members =
    membersKey === undefined ? undefined : (data as Record<string, unknown>)[membersKey];
  if (!Array.isArray(members)) return undefined;
  const waitsOn = (item: unknown) => [...referencedBulkIds(item)].some((id) => waiting.has(id));
  const deferred = members.filter(waitsOn);
  const rest = Object.fromEntries(entries.filter(([key]) => key !== membersKey));
  if (deferred.length === 0 || waitsOn(rest)) return undefined;
  return {
    data: { ...rest, [membersKey as string]: members.filter((m) => !waitsOn(m)) },
    members: deferred,
  };
}
