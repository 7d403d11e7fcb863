import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import type { ResourceKind } from "@/lib/scim/schemas";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { listRows, type ExtraColumns } from "./list-resources";
import { USER_GROUPS_JSON } from "./user-rows";

let db: Db;
let close: () => void;
let directoryId: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  directoryId = createDirectory(db, { name: "Plans", provider: "generic" }).directory.id;
});

afterAll(() => close());

/** The query plan of each statement `listRows` prepares for `filter` (count and page). */
function plansOf(kind: ResourceKind, filter: string, extra: ExtraColumns = {}): string[] {
  const sqlite = db.$client;
  const prepare = sqlite.prepare;
  const sources: string[] = [];
  sqlite.prepare = ((source: string) => {
    sources.push(source);
    return prepare.call(sqlite, source);
  }) as typeof sqlite.prepare;
  try {
    const query = parseListQuery(new URLSearchParams({ filter, count: "1" }));
    listRows(db, kind, directoryId, query, extra);
  } finally {
    sqlite.prepare = prepare;
  }
  // Plans do not depend on the bound values, so every parameter is bound as null.
  return sources.map((source) => {
    const nulls = (source.match(/\?/g) ?? []).map(() => null);
    const steps = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...nulls);
    return (steps as { detail: string }[]).map((step) => step.detail).join("\n");
  });
}

// RFC 7644 §3.4.2.2 filters as Entra ID and Okta send them on every sync, and the index each
// must seek. A plan step that reads a whole table (SCAN users) would make each sync O(n²).
describe("listRows lookups", () => {
  it.each([
    [
      "User",
      'userName eq "ada@example.com"',
      /SEARCH users USING (COVERING )?INDEX users_\w*user_name/,
    ],
    ["User", 'externalId eq "00u1"', /SEARCH users USING (COVERING )?INDEX users_\w*external_id/],
    ["User", 'displayName eq "Ada"', /SEARCH users USING (COVERING )?INDEX users_\w*display_name/],
    ["User", 'id eq "7d1c"', /SEARCH users USING (COVERING )?INDEX sqlite_autoindex_users_1/],
    ["User", 'emails[type eq "work"].value eq "ada@example.com"', /user_emails_value/],
    ["User", 'emails.value eq "ada@example.com"', /user_emails_value/],
    ["User", 'meta.lastModified gt "2026-01-01T00:00:00Z"', /users_\w*last_modified/],
    [
      "Group",
      'displayName eq "Engineering"',
      /SEARCH groups USING (COVERING )?INDEX groups_\w*display_name/,
    ],
    ["Group", 'externalId eq "g1"', /SEARCH groups USING (COVERING )?INDEX groups_\w*external_id/],
    ["Group", 'meta.lastModified gt "2026-01-01T00:00:00Z"', /groups_\w*last_modified/],
  ] as const)("answers %s %s from an index", (kind, filter, expected) => {
    const plans = plansOf(kind, filter);

    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).toMatch(expected);
      expect(plan).not.toMatch(/^SCAN (users|groups|user_emails)\b/m);
    }
  });
});

describe("a user's groups", () => {
  it("come from the membership index alone, one seek per group", () => {
    const [count, page] = plansOf("User", 'userName eq "ada@example.com"', {
      groupsJson: USER_GROUPS_JSON,
    });

    expect(count).not.toMatch(/group_members/);
    expect(page).toMatch(/SEARCH group_members USING COVERING INDEX group_members_member/);
    expect(page).toMatch(/SEARCH groups USING INDEX sqlite_autoindex_groups_1 \(id=\?\)/);
  });
});
