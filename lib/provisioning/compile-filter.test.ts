import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import type { ResourceKind } from "@/lib/scim/schemas";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/urns";
import { catchScimError } from "@/lib/scim/values/test-support/catch-scim-error";
import { createGroup } from "./group-writes";
import { listRows } from "./list-resources";
import { storedResource } from "./stored-resource";
import { createUser } from "./user-writes";

const ROOT_KINDS: readonly ResourceKind[] = ["User", "Group"];

let dir: string;
let db: Db;
let directoryId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-filter-"));
  db = openDb(path.join(dir, "roster.db"));
  directoryId = createDirectory(db, { name: "Unit", provider: "generic" }).directory.id;
  const ada = await createUser(db, directoryId, {
    userName: "alice",
    displayName: "Alice",
    emails: [{ value: "alice@example.com", type: "work" }],
    [ENTERPRISE_USER_SCHEMA]: { department: "Research" },
  });
  createGroup(db, directoryId, { displayName: "Amx", members: [{ value: ada.stored.id }] });
  createGroup(db, directoryId, { displayName: "Ops" });
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The userName or displayName of each resource of `kind` that `filter` matches. */
function matches(kind: ResourceKind, filter: string, searchedKinds?: readonly ResourceKind[]) {
  const query = { ...parseListQuery(new URLSearchParams({ filter })), searchedKinds };
  return listRows(db, kind, directoryId, query).rows.map((row) => {
    const { attributes } = storedResource(row);
    return String(kind === "User" ? attributes.userName : attributes.displayName);
  });
}

type RootCase = [filter: string, users: string[], groups: string[]];

const ROOT_CASES: RootCase[] = [
  ['userName sw "alice" or displayName sw "Amx"', ["alice"], ["Amx"]],
  ['userName eq "alice"', ["alice"], []],
  ['userName ne "alice"', [], ["Amx", "Ops"]],
  ['not (userName eq "alice")', [], ["Amx", "Ops"]],
  ["userName pr", ["alice"], []],
  ["not (userName pr)", [], ["Amx", "Ops"]],
  ["userName eq null", [], ["Amx", "Ops"]],
  ['userName co "li" or userName sw "a" or userName ew "e" or userName gt "a"', ["alice"], []],
  ['emails[type eq "work"]', ["alice"], []],
  ['not (emails[type eq "work"])', [], ["Amx", "Ops"]],
  ['emails.value ew "example.com"', ["alice"], []],
  [`${ENTERPRISE_USER_SCHEMA}:department eq "Research"`, ["alice"], []],
  ["members pr", [], ["Amx"]],
  ['members.value ne "x"', [], ["Amx"]],
  ['emails.value ne "x" or emails eq null', ["alice"], []],
  ['not (members[value pr]) and displayName sw "A"', ["alice"], []],
];

describe("compileFilter", () => {
  it.each(ROOT_CASES)("at the root, %s matches users %j and groups %j", (filter, users, groups) => {
    expect(matches("User", filter, ROOT_KINDS)).toEqual(users);
    expect(matches("Group", filter, ROOT_KINDS)).toEqual(groups);
  });

  it("reads as absent only what another searched type defines; the rest stays invalid", () => {
    expect(matches("Group", 'userName eq "a" or displayName eq "ops"', ROOT_KINDS)).toEqual([
      "Ops",
    ]);

    const unknown = catchScimError(() =>
      matches("User", 'userName eq "a" or nickname2 pr', ROOT_KINDS),
    );
    expect(unknown.scimType).toBe("invalidFilter");
    expect(unknown.message).toBe('Unknown attribute "nickname2" in filter');

    const perType = catchScimError(() => matches("Group", 'userName eq "alice"'));
    expect(perType.scimType).toBe("invalidFilter");
    expect(perType.message).toBe('Unknown attribute "userName" in filter');
  });
});
