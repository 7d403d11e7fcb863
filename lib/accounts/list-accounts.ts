import { asc, eq, sql } from "drizzle-orm";
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

const lastSignIn = sql<number | null>`(SELECT max(${authSessions.createdAt}) FROM ${authSessions}
  WHERE ${authSessions.userId} = ${authUsers.id})`;

function selectAccounts(db: Db) {
  return db
    .select({
      id: authUsers.id,
      email: authUsers.email,
      name: authUsers.name,
      role: authUsers.role,
      banned: authUsers.banned,
      createdAt: authUsers.createdAt,
      lastSignInMs: lastSignIn,
    })
    .from(authUsers);
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
    lastSignInAt: row.lastSignInMs === null ? null : new Date(row.lastSignInMs).toISOString(),
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
