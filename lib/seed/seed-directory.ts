import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation, measurePlannerStatistics } from "@/db/dialect";
import { directories, groupMembers, groups, userEmails, users } from "@/db/schema";
import { groupColumns } from "@/lib/provisioning/group-rows";
import { userColumns } from "@/lib/provisioning/user-rows";
import { newTimeOrderedId } from "@/lib/time-ordered-ids";
import { createRandom, syntheticGroupName, syntheticUser } from "./synthetic-people";

const CHUNK = 400;
const MEMBERSHIPS_PER_USER = 3;

export type SeedOptions = { users: number; groups: number; seed?: number; domain?: string };

function inChunks<T>(rows: T[], write: (chunk: T[], start: number) => void): void {
  for (let start = 0; start < rows.length; start += CHUNK) {
    write(rows.slice(start, start + CHUNK), start);
  }
}

/**
 * Fills a directory with synthetic users, groups and memberships in one transaction. Names are
 * numbered on from what the directory already holds, so seeding it again adds more.
 */
export function seedDirectory(db: Db, directoryId: string, options: SeedOptions) {
  const held = db
    .select({ users: directories.userCount, groups: directories.groupCount })
    .from(directories)
    .where(eq(directories.id, directoryId))
    .get();
  if (!held) throw new Error(`No directory with id ${directoryId}`);
  let counts: ReturnType<typeof insertSynthetic>;
  try {
    counts = insertSynthetic(db, directoryId, options, held);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new Error(
      "A user or group of this directory already has a name the seed would give; nothing was " +
        "added. Seed another directory.",
      { cause: error },
    );
  }
  // Measured statistics replace the representative ones the migrations ship.
  measurePlannerStatistics(db.$client);
  return counts;
}

function insertSynthetic(
  db: Db,
  directoryId: string,
  options: SeedOptions,
  first: { users: number; groups: number },
) {
  // A directory seeded again draws other people, numbered on from those it holds.
  const seed = (options.seed ?? 42) + first.users;
  const random = createRandom(seed);
  const domain = options.domain ?? "example.com";
  const startMs = Date.now();
  const userIds = Array.from({ length: options.users }, () => newTimeOrderedId());
  const groupRows = syntheticGroups(directoryId, options.groups, first.groups, startMs, random);
  const memberships = syntheticMemberships(userIds, groupRows, seed);
  return db.transaction((tx) => {
    // Memberships go in before their users: a user joining a group moves its version on (see
    // migration 0009), and a seeded user starts at version 1, as if created with its groups.
    inChunks(groupRows, (chunk) => tx.insert(groups).values(chunk).run());
    inChunks(memberships, (chunk) => tx.insert(groupMembers).values(chunk).run());
    inChunks(userIds, (ids, start) => {
      const rows = ids.map((id, offset) => {
        const timestamp = new Date(startMs + start + offset).toISOString();
        const attributes = syntheticUser(first.users + start + offset, random, domain);
        return {
          id,
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
    });
    return { users: userIds.length, groups: groupRows.length, memberships: memberships.length };
  });
}

function syntheticGroups(
  directoryId: string,
  count: number,
  first: number,
  startMs: number,
  random: () => number,
) {
  return Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    const timestamp = new Date(startMs + offset).toISOString();
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
}

/** A few groups per user, from a random stream of their own, seeded like the people's. */
function syntheticMemberships(userIds: string[], groupRows: { id: string }[], seed: number) {
  const random = createRandom(seed + 1);
  const memberships = new Map<string, { groupId: string; memberId: string; memberType: "User" }>();
  if (groupRows.length === 0) return [];
  for (const memberId of userIds) {
    for (let n = 0; n < MEMBERSHIPS_PER_USER; n += 1) {
      const group = groupRows[Math.floor(random() * groupRows.length)];
      if (group) {
        memberships.set(`${group.id}:${memberId}`, {
          groupId: group.id,
          memberId,
          memberType: "User",
        });
      }
    }
  }
  return [...memberships.values()];
}
