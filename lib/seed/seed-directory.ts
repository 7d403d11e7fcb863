import type { Db } from "@/db/client";
import { measurePlannerStatistics } from "@/db/dialect";
import { groupMembers, groups, userEmails, users } from "@/db/schema";
import { groupColumns } from "@/lib/provisioning/group-rows";
import { userColumns } from "@/lib/provisioning/user-rows";
import { newTimeOrderedId } from "@/lib/time-ordered-ids";
import { createRandom, syntheticGroupName, syntheticUser } from "./synthetic-people";

const CHUNK = 400;
const MEMBERSHIPS_PER_USER = 3;

export type SeedOptions = { users: number; groups: number; seed?: number; domain?: string };

function inChunks<T>(rows: T[], write: (chunk: T[]) => void): void {
  for (let start = 0; start < rows.length; start += CHUNK) write(rows.slice(start, start + CHUNK));
}

/** Fills a directory with synthetic users, groups and memberships in one transaction. */
export function seedDirectory(db: Db, directoryId: string, options: SeedOptions) {
  const counts = insertSynthetic(db, directoryId, options);
  // Measured statistics replace the representative ones the migrations ship.
  measurePlannerStatistics(db.$client);
  return counts;
}

function insertSynthetic(db: Db, directoryId: string, options: SeedOptions) {
  const random = createRandom(options.seed ?? 42);
  const domain = options.domain ?? "example.com";
  const startMs = Date.now();
  return db.transaction((tx) => {
    const userIds: string[] = [];
    for (let start = 0; start < options.users; start += CHUNK) {
      const count = Math.min(CHUNK, options.users - start);
      const rows = Array.from({ length: count }, (_, offset) => {
        const timestamp = new Date(startMs + start + offset).toISOString();
        const attributes = syntheticUser(start + offset, random, domain);
        return {
          id: newTimeOrderedId(),
          directoryId,
          ...userColumns(attributes),
          createdAt: timestamp,
          lastModified: timestamp,
          version: 1,
        };
      });
      tx.insert(users).values(rows).run();
      const emails = rows.map((row) => ({
        userId: row.id,
        directoryId,
        valueKey: row.userNameKey,
        typeKey: "work",
        isPrimary: true,
      }));
      tx.insert(userEmails).values(emails).run();
      userIds.push(...rows.map((row) => row.id));
    }
    const groupRows = Array.from({ length: options.groups }, (_, index) => {
      const timestamp = new Date(startMs + index).toISOString();
      const attributes = {
        displayName: syntheticGroupName(index, random),
        externalId: `grp-${index}`,
      };
      return {
        id: newTimeOrderedId(),
        directoryId,
        ...groupColumns(attributes),
        createdAt: timestamp,
        lastModified: timestamp,
        version: 1,
      };
    });
    inChunks(groupRows, (chunk) => tx.insert(groups).values(chunk).run());
    const memberships = new Map<
      string,
      { groupId: string; memberId: string; memberType: "User" }
    >();
    if (groupRows.length > 0) {
      for (const memberId of userIds) {
        for (let n = 0; n < MEMBERSHIPS_PER_USER; n += 1) {
          const group = groupRows[Math.floor(random() * groupRows.length)];
          if (group)
            memberships.set(`${group.id}:${memberId}`, {
              groupId: group.id,
              memberId,
              memberType: "User",
            });
        }
      }
    }
    inChunks([...memberships.values()], (chunk) => tx.insert(groupMembers).values(chunk).run());
    return { users: userIds.length, groups: groupRows.length, memberships: memberships.size };
  });
}
