import type { Db } from "@/db/client";
import { getAuth } from "@/lib/auth/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { conflict } from "@/lib/dashboard/errors";
import { findAccountByEmail, type AccountSummary } from "./list-accounts";
import { newAccountInput } from "./account-input";

/**
 * Creates a dashboard account with a password. Called only after the caller's own rights were
 * checked (or from the CLI), so better-auth is asked without a session.
 */
export async function createAccount(db: Db, actor: Actor, input: unknown): Promise<AccountSummary> {
  const parsed = newAccountInput.parse(input);
  if (findAccountByEmail(db, parsed.email)) {
    throw conflict(`An account for ${parsed.email} already exists.`);
  }

  const name = parsed.name || parsed.email.split("@")[0] || parsed.email;
  const { user } = await getAuth().api.createUser({
    body: { email: parsed.email, password: parsed.password, name, role: parsed.role },
  });

  recordAudit(db, actor, {
    action: "account.created",
    targetType: "account",
    targetId: user.id,
    targetLabel: parsed.email,
    detail: { role: parsed.role },
  });
  const created = findAccountByEmail(db, parsed.email);
  if (!created) throw new Error("account vanished after creation");
  return created;
}
