import { asc, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, authUsers } from "@/db/schema";
import { isRole, type Role } from "@/lib/auth/roles";

export type AccountSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isDisabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
};

// A join rather than a correlated subquery: drizzle writes a single-table select's columns
// without their table, so "id" inside the subquery would name the session's own id.
function selectAccounts(db: Db) {
  const lastSessions = db
    .select({ userId: authSessions.userId, lastAt: max(authSessions.createdAt).as("last_at") })
    .from(authSessions)
    .groupBy(authSessions.userId)
    .as("last_sessions");
  return db
    .select({
      id: authUsers.id,
      email: authUsers.email,
      name: authUsers.name,
      role: authUsers.role,
      banned: authUsers.banned,
      createdAt: authUsers.createdAt,
      lastSignInAt: lastSessions.lastAt,
    })
    .from(authUsers)
    .leftJoin(lastSessions, eq(lastSessions.userId, authUsers.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectAccounts>["all"]>>[number];

function toSummary(row: Row): AccountSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: isRole(row.role) ? row.role : "viewer",
    isDisabled: row.banned === true,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

export function listAccounts(db: Db): AccountSummary[] {
  return selectAccounts(db).orderBy(asc(authUsers.createdAt)).all().map(toSummary);
}

export function findAccount(db: Db, id: string): AccountSummary | undefined {
  const row = selectAccounts(db).where(eq(authUsers.id, id)).get();
  return row ? toSummary(row) : undefined;
}

export function findAccountByEmail(db: Db, email: string): AccountSummary | undefined {
  const row = selectAccounts(db).where(eq(authUsers.email, email.toLowerCase())).get();
  return row ? toSummary(row) : undefined;
}
