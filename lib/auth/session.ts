import { getDb, type Db } from "@/db/client";
import { authUsers } from "@/db/schema";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The signed-in dashboard user behind a request's session cookie, if any. */
export async function sessionUser(headers: Headers): Promise<SessionUser | undefined> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return undefined;
  const { id, email, name, role, banned } = session.user;
  if (banned || !isRole(role)) return undefined;
  return { id, email, name, role };
}

let isSetUp = false;

/** Whether the first admin exists. Accounts are never all removed, so `true` is remembered. */
export function hasAnyAccount(db: Db = getDb()): boolean {
  if (isSetUp) return true;
  isSetUp = db.select({ id: authUsers.id }).from(authUsers).limit(1).get() !== undefined;
  return isSetUp;
}
