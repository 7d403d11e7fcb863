import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { authUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

/** RFC 5321 §4.5.3.1: a path, and so an address, is at most 256 octets. */
const EMAIL_LENGTH_MAX = 256;

/** What a sign-in attempt leaves in the audit trail; never the password it tried. */
export type SignInOutcome =
  | { isSuccess: true; account: { id: string; email: string }; ip: string | null }
  | { isSuccess: false; email: unknown; reason: string; ip: string | null };

function attemptedEmail(email: unknown): string | null {
  if (typeof email !== "string") return null;
  const trimmed = email.trim().toLowerCase();
  return trimmed === "" ? null : trimmed.slice(0, EMAIL_LENGTH_MAX);
}

/**
 * A failed attempt is made by whoever sent it, known only by address; its target is the account
 * it named, by id when one has that email, so an account's failed sign-ins can be listed.
 */
export function recordSignIn(db: Queryable, outcome: SignInOutcome): void {
  if (outcome.isSuccess) {
    const { account, ip } = outcome;
    recordAudit(
      db,
      { id: account.id, label: account.email },
      {
        action: "auth.signed_in",
        targetType: "account",
        targetId: account.id,
        targetLabel: account.email,
        detail: { ip },
      },
    );
    return;
  }

  const email = attemptedEmail(outcome.email);
  const account = email
    ? db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email)).get()
    : undefined;
  recordAudit(
    db,
    { id: null, label: outcome.ip ?? "unknown client" },
    {
      action: "auth.sign_in_failed",
      targetType: "account",
      targetId: account?.id ?? email ?? "",
      targetLabel: email,
      detail: { email, ip: outcome.ip, reason: outcome.reason },
    },
  );
}
