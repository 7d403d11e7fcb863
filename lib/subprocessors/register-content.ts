import type { Queryable } from "@/db/client";
import { z } from "zod";
import { contentSha256, getVersion, publishableEntries } from "./versions";
import type { Entry } from "./types";

/** A register to export or compare: the draft of the next version, or a published one. */
export type RegisterContent = {
  version: number | null;
  label: string;
  /** The publish time of a version; for the draft, the moment it was read. */
  date: string;
  entries: Entry[];
  sha256: string;
};

const VERSION_MESSAGE = 'version must be a version number or "draft".';

export const versionNumber = z.coerce
  .number({ error: VERSION_MESSAGE })
  .int(VERSION_MESSAGE)
  .min(1, VERSION_MESSAGE);

export const versionParam = z.preprocess(
  (value) => (value === undefined || value === "" || value === "draft" ? "draft" : value),
  z.union([z.literal("draft"), versionNumber], { error: VERSION_MESSAGE }),
);

export function loadRegister(db: Queryable, version: number | "draft"): RegisterContent {
  if (version === "draft") {
    const entries = publishableEntries(db);
    return {
      version: null,
      label: "Draft",
      date: new Date().toISOString(),
      entries,
      sha256: contentSha256(entries),
    };
  }
  const published = getVersion(db, version);
  return {
    version: published.number,
    label: `Version ${published.number}`,
    date: published.publishedAt,
    entries: published.entries,
    sha256: published.sha256,
  };
}

export function parentNamesOf(entries: readonly Entry[]): (id: string) => string {
  const names = new Map(entries.map((entry) => [entry.id, entry.name]));
  return (id) => names.get(id) ?? "(not listed)";
}
