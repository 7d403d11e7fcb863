import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import { filterShape } from "./compile-filter";
import { parseFilter } from "@/lib/scim/filter/parse-filter";
import { storedUser } from "./user-rows";
import { listRows } from "./list-resources";
import { createUser } from "./user-writes";

let dir: string;
let db: Db;
let directoryId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-list-"));
  db = openDb(path.join(dir, "roster.db"));
  directoryId = createDirectory(db, { name: "Unit", provider: "generic" }).directory.id;
  for (const [userName, title] of [
    ["ada@example.com", "Countess"],
    ["alan@example.com", ""],
    ["grace@example.com", "Admiral"],
  ] as const) {
    await createUser(db, directoryId, { userName, ...(title ? { title } : {}) });
  }
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function userNames(filter: string, extra = ""): string[] {
  const query = parseListQuery(new URLSearchParams(`filter=${encodeURIComponent(filter)}${extra}`));
  const rows = listRows(db, "User", directoryId, query).rows;
  return rows.map((row) => String(storedUser(row).attributes.userName));
}

describe("listRows", () => {
  it("binds each request's own values into a statement shared by the filter's shape", () => {
    expect(userNames('userName eq "ada@example.com"')).toEqual(["ada@example.com"]);
    expect(userNames('userName eq "GRACE@example.com"')).toEqual(["grace@example.com"]);
    expect(userNames('userName sw "al"')).toEqual(["alan@example.com"]);
    expect(userNames('userName sw "gr"')).toEqual(["grace@example.com"]);
  });

  it("gives totalResults whether or not the page is full", () => {
    const full = parseListQuery(new URLSearchParams("count=2"));
    expect(listRows(db, "User", directoryId, full).totalResults).toBe(3);
    const second = parseListQuery(new URLSearchParams("count=2&startIndex=3"));
    expect(listRows(db, "User", directoryId, second).totalResults).toBe(3);
    const beyond = parseListQuery(new URLSearchParams("count=2&startIndex=9"));
    expect(listRows(db, "User", directoryId, beyond).totalResults).toBe(3);
  });

  it("keeps the empty-string comparison apart from the general one", () => {
    expect(userNames('title ew ""')).toEqual(["ada@example.com", "grace@example.com"]);
    expect(userNames('title ew "ral"')).toEqual(["grace@example.com"]);
  });

  it("sorts absent values last ascending and first descending", () => {
    expect(userNames("userName pr", "&sortBy=title")).toEqual([
      "grace@example.com",
      "ada@example.com",
      "alan@example.com",
    ]);
    expect(userNames("userName pr", "&sortBy=title&sortOrder=descending")).toEqual([
      "alan@example.com",
      "ada@example.com",
      "grace@example.com",
    ]);
  });
});

describe("listRows with dateTime filters (RFC 7643 §2.3.5)", () => {
  const ALL = ["ada@example.com", "alan@example.com", "grace@example.com"];
  const modified = () => {
    const rows = listRows(db, "User", directoryId, parseListQuery(new URLSearchParams())).rows;
    return rows.map((row) => storedUser(row).lastModified);
  };

  it.each([
    'gt "Dec 4 2026"',
    'gt "2026"',
    'ge "2026-12-04"',
    'lt "2026-12-04 10:00:00Z"',
    'gt "2026-02-30T00:00:00Z"',
    'gt "2025-02-29T00:00:00Z"',
    'gt "2026-13-01T00:00:00Z"',
    'gt "2026-12-04T25:00:00Z"',
    'gt "2026-12-04T24:00:01Z"',
    'gt "2026-12-04T10:60:00Z"',
  ])(
    "refuses meta.lastModified %s with 400 invalidFilter, as it is no xsd:dateTime",
    (comparison) => {
      expect(() => userNames(`meta.lastModified ${comparison}`)).toThrow(
        expect.objectContaining({ status: 400, scimType: "invalidFilter" }),
      );
    },
  );

  it("orders by instant for an xsd:dateTime, with or without an offset", () => {
    expect(userNames('meta.lastModified gt "2000-01-01T00:00:00"')).toEqual(ALL);
    expect(userNames('meta.lastModified gt "2000-01-01T01:00:00+01:00"')).toEqual(ALL);
    expect(userNames('meta.lastModified lt "2000-01-01T00:00:00Z"')).toEqual([]);
    expect(userNames('meta.lastModified gt "2024-02-29T23:59:59Z"')).toEqual(ALL);
    expect(userNames('meta.lastModified lt "1999-12-31T24:00:00Z"')).toEqual([]);
  });

  it("compares the text of the stored value for sw, co and ew", () => {
    const [first = ""] = modified();
    expect(userNames(`meta.lastModified sw "${first.slice(0, 4)}"`)).toEqual(ALL);
    expect(userNames(`meta.lastModified co "${first.slice(4, 8)}"`)).toEqual(ALL);
    expect(userNames('meta.lastModified ew "Z"')).toEqual(ALL);
    expect(userNames('meta.lastModified sw "1999"')).toEqual([]);
  });
});

describe("filterShape", () => {
  it("is the same for filters that differ only in their values", () => {
    expect(filterShape(parseFilter('userName eq "a"'))).toBe(
      filterShape(parseFilter('userName eq "b"')),
    );
    expect(filterShape(parseFilter('userName eq "a"'))).not.toBe(
      filterShape(parseFilter("userName eq 1")),
    );
    expect(filterShape(parseFilter('title ew ""'))).not.toBe(
      filterShape(parseFilter('title ew "x"')),
    );
  });
});
