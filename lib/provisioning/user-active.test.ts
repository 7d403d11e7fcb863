import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/urns";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { listRows } from "./list-resources";
import { createUser, patchUser, replaceUser } from "./user-writes";

let db: Db;
let close: () => void;
let directoryId: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  directoryId = createDirectory(db, { name: "Acme", provider: "generic" }).directory.id;
});

afterAll(() => close());

const matching = (filter: string) =>
  listRows(db, "User", directoryId, parseListQuery(new URLSearchParams({ filter }))).totalResults;
const patch = (id: string, ...Operations: unknown[]) =>
  patchUser(db, directoryId, id, { schemas: [PATCH_OP], Operations });

describe("a user without active", () => {
  it("is active, says so, and filters agree, however active came to be cleared", async () => {
    const { stored } = await createUser(db, directoryId, {
      schemas: [USER_SCHEMA],
      userName: "ada@example.com",
    });
    const { id } = stored;
    expect(stored.attributes.active).toBe(true);
    const isFound = (filter: string) => matching(`(${filter}) and userName eq "ada@example.com"`);
    const expectActive = () => {
      expect([isFound("active pr"), isFound("active eq true"), isFound("active eq false")]).toEqual(
        [1, 1, 0],
      );
      expect(isFound("not (active pr)")).toBe(0);
    };
    expectActive();

    for (const clear of [
      { op: "remove", path: "active" },
      { op: "replace", path: "active", value: null },
    ]) {
      expect(
        patch(id, { op: "replace", path: "active", value: false }).stored.attributes.active,
      ).toBe(false);
      expect(isFound("active eq false")).toBe(1);
      expect(patch(id, clear).stored.attributes.active).toBe(true);
      expectActive();
    }

    patch(id, { op: "replace", path: "active", value: false });
    const replaced = await replaceUser(db, directoryId, id, {
      schemas: [USER_SCHEMA],
      userName: "ada@example.com",
    });
    expect(replaced.stored.attributes.active).toBe(true);
    expectActive();
  });
});
