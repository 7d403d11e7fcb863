import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/urns";
import { catchScimError } from "@/lib/scim/values/test-support/catch-scim-error";
import { listRows } from "./list-resources";
import { storedUser } from "./user-rows";
import { createUser } from "./user-writes";

let dir: string;
let db: Db;
let directoryId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-sort-"));
  db = openDb(path.join(dir, "roster.db"));
  directoryId = createDirectory(db, { name: "Unit", provider: "generic" }).directory.id;
  const users = [
    ["ada", [{ value: "z-ada@example.com", type: "work", primary: true }]],
    ["bob", [{ value: "a-bob@example.com", type: "other", primary: true }]],
    ["cy", [{ value: "m-cy@example.com", type: "home" }]],
  ] as const;
  for (const [userName, emails] of users) {
    await createUser(db, directoryId, {
      userName,
      emails,
      name: { familyName: userName.toUpperCase() },
      [ENTERPRISE_USER_SCHEMA]: { manager: { value: `manager-of-${userName}` } },
    });
  }
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function sortedUserNames(sortBy: string): string[] {
  const query = parseListQuery(new URLSearchParams({ sortBy }));
  const rows = listRows(db, "User", directoryId, query).rows;
  return rows.map((row) => String(storedUser(row).attributes.userName));
}

describe("compileSortKey", () => {
  it("sorts by the sub-attribute named, of the primary element for a multi-valued one", () => {
    expect(sortedUserNames("emails.type")).toEqual(["cy", "bob", "ada"]);
    expect(sortedUserNames("emails.value")).toEqual(["bob", "cy", "ada"]);
    expect(sortedUserNames("emails")).toEqual(["bob", "cy", "ada"]);
    expect(sortedUserNames(`${ENTERPRISE_USER_SCHEMA}:manager.value`)).toEqual([
      "ada",
      "bob",
      "cy",
    ]);
  });

  it.each([
    ["name", /complex.*"name\.formatted"/],
    [`${ENTERPRISE_USER_SCHEMA}:manager`, /complex/],
    ["meta", /complex/],
    ["emails.value.x", /sortBy.*only one sub-attribute level/],
    ["emails.display", /Sorting by "emails\.display" is not supported/],
    ["meta.location", /^Sorting by "meta\.location" is not supported$/],
    ["password", /"password" is never returned/],
  ])("answers sortBy=%s with 400 invalidValue about sorting", (sortBy, detail) => {
    const error = catchScimError(() => sortedUserNames(sortBy));

    expect(error.status).toBe(400);
    expect(error.scimType).toBe("invalidValue");
    expect(error.message).toMatch(detail);
  });
});
