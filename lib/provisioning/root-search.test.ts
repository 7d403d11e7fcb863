import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseSearchRequest } from "@/lib/scim/list-query";
import { catchScimError } from "@/lib/scim/values/test-support/catch-scim-error";
import { createGroup } from "./group-writes";
import { listRootPage, type RootItem } from "./root-search";
import { createUser } from "./user-writes";

let dir: string;
let db: Db;
let directoryId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-root-"));
  db = openDb(path.join(dir, "roster.db"));
  directoryId = createDirectory(db, { name: "Unit", provider: "generic" }).directory.id;
  for (const [userName, displayName] of [
    ["carol", "Carol"],
    ["alice", "Alice"],
    ["zed", undefined],
    ["eve", "Eve"],
  ] as const) {
    await createUser(db, directoryId, { userName, ...(displayName ? { displayName } : {}) });
  }
  for (const displayName of ["Dan", "Bob"]) createGroup(db, directoryId, { displayName });
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function label({ kind, stored }: RootItem): string {
  const name = stored.attributes.displayName ?? stored.attributes.userName;
  return `${kind}:${String(name)}`;
}

function search(body: Record<string, unknown>) {
  const page = listRootPage(db, directoryId, parseSearchRequest(body), () => false);
  return { totalResults: page.totalResults, labels: page.items.map(label) };
}

const BY_DISPLAY_NAME = [
  "User:Alice",
  "Group:Bob",
  "User:Carol",
  "Group:Dan",
  "User:Eve",
  "User:zed",
];

describe("listRootPage", () => {
  it("sorts users and groups as one list, absent values last ascending, first descending", () => {
    expect(search({ sortBy: "displayName" }).labels).toEqual(BY_DISPLAY_NAME);
    expect(search({ sortBy: "displayName", sortOrder: "descending" }).labels).toEqual([
      "User:zed",
      ...BY_DISPLAY_NAME.slice(0, 5).reverse(),
    ]);
  });

  it("sorts by an attribute only users have, groups having no value for it", () => {
    const users = ["User:Alice", "User:Carol", "User:Eve", "User:zed"];
    expect(search({ sortBy: "userName" }).labels).toEqual([...users, "Group:Dan", "Group:Bob"]);
    expect(search({ sortBy: "userName", sortOrder: "descending" }).labels).toEqual([
      "Group:Dan",
      "Group:Bob",
      ...[...users].reverse(),
    ]);
  });

  it("pages through the merged order with the total of both types", () => {
    for (const sortOrder of ["ascending", "descending"]) {
      const whole = search({ sortBy: "displayName", sortOrder }).labels;
      for (let startIndex = 1; startIndex <= whole.length + 1; startIndex += 1) {
        for (let count = 0; count <= 4; count += 1) {
          const page = search({ sortBy: "displayName", sortOrder, startIndex, count });
          const expected = whole.slice(startIndex - 1, startIndex - 1 + count);
          expect(page, `${sortOrder} ${startIndex}+${count}`).toEqual({
            totalResults: 6,
            labels: expected,
          });
        }
      }
    }
  });

  it("filters and sorts on attributes one type lacks, and refuses what no type has", () => {
    const filter = 'userName sw "a" or displayName sw "d" or displayName sw "c"';
    expect(search({ filter, sortBy: "displayName" })).toEqual({
      totalResults: 3,
      labels: ["User:Alice", "User:Carol", "Group:Dan"],
    });

    const error = catchScimError(() => search({ sortBy: "nickname2" }));
    expect(error.message).toBe('Unknown sortBy attribute "nickname2"');
  });
});
