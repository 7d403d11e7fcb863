import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createDirectory } from "@/lib/directories/directories";
import { lastPasswordIn } from "@/lib/scim/patch";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/urns";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { createUser, patchUser, prehashPatchPassword } from "./user-writes";

let db: Db;
let close: () => void;
let directoryId: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  directoryId = createDirectory(db, { name: "Acme", provider: "okta" }).directory.id;
});

afterAll(() => close());

const patchOf = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
const storedHash = (id: string) =>
  db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)).get()?.hash;

describe("lastPasswordIn", () => {
  it.each<[string, unknown[], string | undefined]>([
    ["a path", [{ op: "replace", path: "password", value: "a" }], "a"],
    [
      "a path in any case, URN-qualified",
      [{ op: "add", path: `${USER_SCHEMA}:Password`, value: "b" }],
      "b",
    ],
    ["a path-less value", [{ op: "replace", value: { title: "x", PASSWORD: "c" } }], "c"],
    [
      "the last of several",
      [
        { op: "replace", path: "password", value: "first" },
        { op: "replace", value: { password: "last" } },
      ],
      "last",
    ],
    [
      "a value under the core schema's path",
      [{ op: "replace", path: USER_SCHEMA, value: { title: "x", password: "d" } }],
      "d",
    ],
    [
      "a value under the core schema's key in a path-less value",
      [{ op: "replace", value: { [USER_SCHEMA.toUpperCase()]: { password: "e" } } }],
      "e",
    ],
    ["no password", [{ op: "replace", path: "title", value: "password" }], undefined],
  ])("finds the password set by %s", (_, operations, expected) => {
    expect(lastPasswordIn(operations)).toBe(expected);
  });
});

describe("a PATCH that sets a password", () => {
  it("stores the hash made before its transaction", async () => {
    const { stored } = await createUser(db, directoryId, {
      schemas: [USER_SCHEMA],
      userName: "ada@example.com",
    });
    const body = patchOf({ op: "replace", value: { password: "t1meMa$heen", title: "Eng" } });
    const prehashed = await prehashPatchPassword(body);
    expect(prehashed?.password).toBe("t1meMa$heen");
    expect(prehashed?.hash).toMatch(/^scrypt\$/);

    patchUser(db, directoryId, stored.id, body, { prehashed });
    expect(storedHash(stored.id)).toBe(prehashed?.hash);
    expect(prehashPatchPassword(patchOf({ op: "replace", path: "title", value: "x" }))).toBe(
      undefined,
    );
  });
});
