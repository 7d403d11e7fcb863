import { randomUUID } from "node:crypto";
import type { Queryable } from "@/db/client";
import { auditEvents, type AuditAction, type AuditTargetType } from "@/db/schema";

/** Who made a change: a signed-in user, or the CLI / first-run set-up (no account id). */
export type Actor = { id: string | null; label: string };

export const CLI_ACTOR: Actor = { id: null, label: "cli" };

export type AuditEntry = {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  targetLabel?: string | null;
  detail?: Record<string, unknown>;
};

export function recordAudit(db: Queryable, actor: Actor, entry: AuditEntry): void {
  db.insert(auditEvents)
    .values({
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetLabel: entry.targetLabel ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .run();
}
