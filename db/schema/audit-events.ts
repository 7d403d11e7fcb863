import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const AUDIT_ACTIONS = [
  "account.created",
  "account.role_changed",
  "account.disabled",
  "account.enabled",
  "account.password_reset",
  "account.deleted",
  "directory.created",
  "directory.updated",
  "directory.deleted",
  "token.created",
  "token.revoked",
  "subprocessor.created",
  "subprocessor.updated",
  "register_version.published",
  "compliance_settings.updated",
  "auth.signed_in",
  "auth.sign_in_failed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = [
  "account",
  "directory",
  "token",
  "subprocessor",
  "register_version",
  "compliance_settings",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * One administrative change: who did it, when and to what. The actor's email is copied so the
 * trail survives the actor's account being deleted; `actor_id` is null for the CLI and set-up.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    createdAt: text("created_at").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    targetType: text("target_type", { enum: AUDIT_TARGET_TYPES }).notNull(),
    targetId: text("target_id").notNull(),
    targetLabel: text("target_label"),
    /** JSON object with what changed, e.g. `{ "from": "viewer", "to": "admin" }`. */
    detail: text("detail").notNull(),
  },
  (t) => [
    index("audit_events_created").on(t.createdAt),
    index("audit_events_target").on(t.targetType, t.targetId),
  ],
);
