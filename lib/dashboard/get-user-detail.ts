import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { getUser } from "@/lib/provisioning/user-reads";
import { toScimResource, type ScimObject } from "@/lib/scim/resource";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/urns";
import { notFound } from "./errors";
import { directoryNames } from "./list-users";
import { timelineOf } from "./timeline";
import { personName, primaryEmail } from "./scim-people";

/** Everything the user page shows: attributes, groups, raw SCIM JSON and the timeline. */
export function getUserDetail(db: Db, id: string, scimBaseUrl: string) {
  const row = db
    .select({ directoryId: users.directoryId })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row) throw notFound("User");

  const { stored, refs } = getUser(db, row.directoryId, id);
  const scim = toScimResource("User", stored, refs, scimBaseUrl);
  const { [ENTERPRISE_USER_SCHEMA]: enterprise, ...core } = stored.attributes;
  return {
    id,
    directoryId: row.directoryId,
    directoryName: directoryNames(db, [row.directoryId]).get(row.directoryId) ?? "",
    userName: typeof core.userName === "string" ? core.userName : "",
    displayName: personName(core) ?? null,
    email: primaryEmail(core) ?? null,
    active: core.active !== false,
    createdAt: stored.createdAt,
    lastModified: stored.lastModified,
    core,
    enterprise:
      typeof enterprise === "object" && enterprise !== null && !Array.isArray(enterprise)
        ? (enterprise as ScimObject)
        : null,
    groups: (refs ?? []).map((ref) => ({ id: ref.value, displayName: ref.display ?? ref.value })),
    scim,
    timeline: timelineOf(db, "User", id),
  };
}
