import type { Db } from "@/db/client";
import { getAuth } from "@/lib/auth/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/dashboard/errors";
import { findAccount, listAccounts } from "./list-accounts";

export async function deleteAccount(db: Db, actor: Actor, id: string, headers: Headers) {
  const target = findAccount(db, id);
  if (!target) throw notFound("Account");
  if (target.id === actor.id) throw conflict("You cannot delete your own account.");
  const admins = listAccounts(db).filter((account) => account.role === "admin");
  if (target.role === "admin" && admins.length <= 1) {
    throw conflict("Roster needs at least one admin.");
  }

  await getAuth().api.removeUser({ body: { userId: id }, headers });

  recordAudit(db, actor, {
    action: "account.deleted",
    targetType: "account",
    targetId: id,
    targetLabel: target.email,
    detail: { role: target.role },
  });
  return { deleted: id };
}
