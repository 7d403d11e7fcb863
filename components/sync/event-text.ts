import type { SyncEventType } from "@/db/schema";

export const EVENT_VERBS: Record<SyncEventType, string> = {
  "user.created": "created",
  "user.updated": "updated",
  "user.deactivated": "deactivated",
  "user.reactivated": "reactivated",
  "user.deleted": "deleted",
  "group.created": "created",
  "group.updated": "updated",
  "group.deleted": "deleted",
  "group.member_added": "members added",
  "group.member_removed": "members removed",
};

/** A membership event as the member's own timeline tells it. */
export const MEMBERSHIP_VERBS: Partial<Record<SyncEventType, string>> = {
  "group.member_added": "added",
  "group.member_removed": "removed",
};

export const EVENT_TONES: Record<
  SyncEventType,
  "success" | "danger" | "warning" | "info" | "neutral"
> = {
  "user.created": "success",
  "user.updated": "info",
  "user.deactivated": "warning",
  "user.reactivated": "success",
  "user.deleted": "danger",
  "group.created": "success",
  "group.updated": "info",
  "group.deleted": "danger",
  "group.member_added": "info",
  "group.member_removed": "warning",
};

export type AttributeChange = { attribute: string; before?: unknown; after?: unknown };

/** `detail.changes` lists attribute changes. */
export function changesOf(detail: unknown): AttributeChange[] {
  if (typeof detail !== "object" || detail === null || !("changes" in detail)) return [];
  const changes = (detail as { changes: unknown }).changes;
  return Array.isArray(changes)
    ? changes.filter(
        (change): change is AttributeChange =>
          typeof change === "object" && change !== null && "attribute" in change,
      )
    : [];
}

export function shortValue(value: unknown): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
