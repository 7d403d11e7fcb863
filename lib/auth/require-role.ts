import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PATH_HEADER } from "./constants";
import type { Role } from "./roles";
import { hasAnyAccount, sessionUser, type SessionUser } from "./session";

/**
 * For pages: the signed-in user when their role is one of `allowed`. Otherwise it redirects: to
 * `/setup` before the first account exists, to `/login` without a session, to `/forbidden`.
 */
export async function requireRole(allowed: readonly Role[]): Promise<SessionUser> {
  if (!hasAnyAccount()) redirect("/setup");
  const requestHeaders = await headers();
  const user = await sessionUser(requestHeaders);
  if (!user) {
    const path = requestHeaders.get(PATH_HEADER);
    redirect(path && path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login");
  }
  if (!allowed.includes(user.role)) redirect("/forbidden");
  return user;
}
