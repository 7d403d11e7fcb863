import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { registerVersions, subprocessors } from "@/db/schema";
import { notFound } from "@/lib/dashboard/errors";
import { canonicalJson, type Changelog } from "./changelog";
import { byName, toEntry } from "./rows";
import type { Entry } from "./types";

type VersionRow = typeof registerVersions.$inferSelect;

export type VersionSummary = {
  number: number;
  publishedAt: string;
  publishedBy: string;
  sha256: string;
  entryCount: number;
  counts: { added: number; removed: number; changed: number };
};

export type Version = VersionSummary & { entries: Entry[]; changelog: Changelog };

/** What a version contains: the entries that are proposed or active, by name. */
export function publishableEntries(db: Queryable): Entry[] {
  return db
    .select()
    .from(subprocessors)
    .all()
    .map(toEntry)
    .filter((entry) => entry.status !== "retired")
    .sort(byName);
}

export function contentSha256(entries: readonly Entry[]): string {
  return createHash("sha256").update(canonicalJson(entries)).digest("hex");
}

function toVersion(row: VersionRow): Version {
  const entries = row.entries as Entry[];
  const changelog = row.changelog as Changelog;
  return {
    number: row.number,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedByLabel,
    sha256: row.sha256,
    entryCount: entries.length,
    counts: {
      added: changelog.added.length,
      removed: changelog.removed.length,
      changed: changelog.changed.length,
    },
    entries,
    changelog,
  };
}

export function summaryOf({ entries: _entries, changelog: _changelog, ...summary }: Version) {
  return summary satisfies VersionSummary;
}

export function listVersions(db: Queryable): Version[] {
  return db
    .select()
    .from(registerVersions)
    .orderBy(desc(registerVersions.number))
    .all()
    .map(toVersion);
}

export function findVersion(db: Queryable, number: number): Version | undefined {
  const row = db.select().from(registerVersions).where(eq(registerVersions.number, number)).get();
  return row ? toVersion(row) : undefined;
}

export function getVersion(db: Queryable, number: number): Version {
  const version = findVersion(db, number);
  if (!version) throw notFound(`Version ${number}`);
  return version;
}

export function latestVersion(db: Queryable): Version | undefined {
  const row = db
    .select()
    .from(registerVersions)
    .orderBy(desc(registerVersions.number))
    .limit(1)
    .get();
  return row ? toVersion(row) : undefined;
}
