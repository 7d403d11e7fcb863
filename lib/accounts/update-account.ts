import type { Db } from "@/db/client";
import { getAuth } from "@/lib/auth/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/dashboard/errors";
import { accountChangeInput } from "./account-input";
import { findAccount, listAccounts, type AccountSummary } from "./list-accounts";

/** An admin may not lock themselves out, and the last active admin must stay one. */
function assertKeepsAnAdmin(db: Db, actor: Actor, target: AccountSummary, isLosingAdmin: boolean) {
  if (!isLosingAdmin) return;
  if (target.id === actor.id) throw conflict("You cannot remove your own admin access.");
  const otherAdmins = listAccounts(db).filter(
    (account) => account.role === "admin" && !account.isDisabled && account.id !== target.id,
  );
  if (otherAdmins.length === 0) throw conflict("Roster needs at least one active admin.");
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown,
  headers: Headers,
): Promise<AccountSummary> {
  const change = accountChangeInput.parse(input);
  const target = findAccount(db, id);
  if (!target) throw notFound("Account");
  const isAdmin = target.role === "admin" && !target.isDisabled;
  const isLosingAdmin =
    isAdmin && ((change.role !== undefined && change.role !== "admin") || change.disabled === true);
  assertKeepsAnAdmin(db, actor, target, isLosingAdmin);

  const api = getAuth().api;
  const audit = (action: Parameters<typeof recordAudit>[2]["action"], detail = {}) =>
    recordAudit(db, actor, {
      action,
      targetType: "account",
      targetId: id,
      targetLabel: target.email,
      detail,
    });
  if (change.role !== undefined && change.role !== target.role) {
    await api.setRole({ body: { userId: id, role: change.role }, headers });
    audit("account.role_changed", { from: target.role, to: change.role });
  }
  if (change.disabled === true && !target.isDisabled) {
    await api.banUser({ body: { userId: id, banReason: `Disabled by ${actor.label}` }, headers });
    audit("account.disabled");
  }
  if (change.disabled === false && target.isDisabled) {
    await api.unbanUser({ body: { userId: id }, headers });
    audit("account.enabled");
  }
  if (change.password !== undefined) {
    await api.setUserPassword({ body: { userId: id, newPassword: change.password }, headers });
    audit("account.password_reset");
  }

  const updated = findAccount(db, id);
  if (!updated) throw notFound("Account");
  return updated;
}
