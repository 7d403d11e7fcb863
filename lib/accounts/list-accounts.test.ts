import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { authSessions, authUsers } from "@/db/schema";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { findAccount, listAccounts } from "./list-accounts";

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
});

afterEach(() => close());

function insertAccount(id: string, email: string) {
  const at = new Date("2026-12-01T09:00:00Z");
  db.insert(authUsers)
    .values({ id, email, name: email, role: "admin", createdAt: at, updatedAt: at })
    .run();
}

function insertSession(id: string, userId: string, iso: string) {
  const at = new Date(iso);
  db.insert(authSessions)
    .values({
      id,
      token: `token-${id}`,
      userId,
      expiresAt: new Date(at.getTime() + 86_400_000),
      createdAt: at,
      updatedAt: at,
    })
    .run();
}

describe("listAccounts", () => {
  it("reports each account's newest session as its last sign-in", () => {
    insertAccount("account-a", "ada@example.com");
    insertAccount("account-b", "bob@example.com");
    insertAccount("account-c", "cy@example.com");
    insertSession("session-1", "account-a", "2026-12-02T10:00:00Z");
    insertSession("session-2", "account-a", "2026-12-03T11:30:00Z");
    insertSession("session-3", "account-b", "2026-12-02T08:15:00Z");

    const byEmail = new Map(listAccounts(db).map((account) => [account.email, account]));

    expect(byEmail.get("ada@example.com")?.lastSignInAt).toBe("2026-12-03T11:30:00.000Z");
    expect(byEmail.get("bob@example.com")?.lastSignInAt).toBe("2026-12-02T08:15:00.000Z");
    expect(byEmail.get("cy@example.com")?.lastSignInAt).toBeNull();
    expect(findAccount(db, "account-b")?.lastSignInAt).toBe("2026-12-02T08:15:00.000Z");
  });
});
