import type { Db } from "@/db/client";
import { hasAnyAccount } from "@/lib/auth/session";
import { conflict } from "@/lib/dashboard/errors";
import { createAccount } from "./create-account";

let pending: Promise<unknown> = Promise.resolve();

/**
 * First run: creates the first admin while no account exists. Calls are queued, so two set-up
 * forms submitted at once cannot both succeed.
 */
export function setUpFirstAdmin(
  db: Db,
  input: { email: unknown; name?: unknown; password: unknown },
) {
  const run = pending.then(async () => {
    if (hasAnyAccount(db)) throw conflict("Roster is already set up. Sign in instead.");
    const label = typeof input.email === "string" ? input.email : "set-up";
    return createAccount(db, { id: null, label: `set-up (${label})` }, { ...input, role: "admin" });
  });
  pending = run.catch(() => undefined);
  return run;
}
