import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { authUsers } from "@/db/schema";
import { openTestDb, readAudit } from "@/lib/sync-log/test-log-db";
import { recordSignIn } from "./record-sign-in";

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
  const now = new Date();
  db.insert(authUsers)
    .values({ id: "acct-1", name: "Ada", email: "ada@example.com", createdAt: now, updatedAt: now })
    .run();
});

afterEach(() => close());

const audit = () => readAudit(db);

describe("recordSignIn", () => {
  it("records a sign-in as made by the account, with the client address", () => {
    recordSignIn(db, {
      isSuccess: true,
      account: { id: "acct-1", email: "ada@example.com" },
      ip: "203.0.113.7",
    });

    expect(audit()).toEqual([
      expect.objectContaining({
        action: "auth.signed_in",
        actorId: "acct-1",
        actorLabel: "ada@example.com",
        targetType: "account",
        targetId: "acct-1",
        detail: { ip: "203.0.113.7" },
      }),
    ]);
  });

  it("records a failed attempt against the account it named, by the address it came from", () => {
    recordSignIn(db, {
      isSuccess: false,
      email: " Ada@Example.com ",
      reason: "INVALID_EMAIL_OR_PASSWORD",
      ip: "203.0.113.7",
    });

    expect(audit()).toEqual([
      expect.objectContaining({
        action: "auth.sign_in_failed",
        actorId: null,
        actorLabel: "203.0.113.7",
        targetId: "acct-1",
        targetLabel: "ada@example.com",
        detail: {
          email: "ada@example.com",
          ip: "203.0.113.7",
          reason: "INVALID_EMAIL_OR_PASSWORD",
        },
      }),
    ]);
  });

  it.each([
    ["an email no account has", "mallory@example.com", "mallory@example.com"],
    ["no email at all", undefined, ""],
    ["an email far too long", `${"a".repeat(400)}@example.com`, "a".repeat(256)],
  ])("records a failed attempt with %s", (_case, email, targetId) => {
    recordSignIn(db, { isSuccess: false, email, reason: "INVALID_EMAIL", ip: null });

    expect(audit()).toEqual([expect.objectContaining({ actorLabel: "unknown client", targetId })]);
  });
});
