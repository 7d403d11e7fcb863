import { createHash } from "node:crypto";
import type { Queryable } from "@/db/client";
import { canonicalJson, onlyFields, type Changelog } from "./changelog";
import { certificationLabel } from "./format";
import { companyNameOf } from "./publisher";
import { latestVersion, listVersions, type Version } from "./versions";
import { INTERNAL_FIELDS, type CertificationFields, type Entry } from "./types";

/**
 * What customers see: published versions only, never the draft, and without the internal fields
 * (DPA link and date, owner, notes) or certificate evidence links.
 */
export type PublicEntry = {
  id: string;
  name: string;
  legalEntity: string;
  website: string | null;
  purpose: string;
  role: Entry["role"];
  dataCategories: Entry["dataCategories"];
  storageRegions: Entry["storageRegions"];
  processingRegions: Entry["processingRegions"];
  transferMechanism: Entry["transferMechanism"];
  certifications: { name: string; expiresOn: string | null }[];
  status: Entry["status"];
  effectiveOn: string | null;
  parent: string | null;
};

export type PublicVersion = {
  version: number;
  publishedAt: string;
  /** SHA-256 of the canonical JSON of `entries` exactly as published here. */
  sha256: string;
  entries: PublicEntry[];
  changes: Changelog;
};

const publicCertifications = (list: readonly CertificationFields[]) =>
  list.map((certification) => ({
    name: certificationLabel(certification),
    expiresOn: certification.expiresOn,
  }));

const isPublicField = (field: string) => !(INTERNAL_FIELDS as readonly string[]).includes(field);

function toPublicEntry(entry: Entry, names: Map<string, string>): PublicEntry {
  return {
    id: entry.id,
    name: entry.name,
    legalEntity: entry.legalEntity,
    website: entry.website,
    purpose: entry.purpose,
    role: entry.role,
    dataCategories: entry.dataCategories,
    storageRegions: entry.storageRegions,
    processingRegions: entry.processingRegions,
    transferMechanism: entry.transferMechanism,
    certifications: publicCertifications(entry.certifications),
    status: entry.status,
    effectiveOn: entry.effectiveOn,
    parent: entry.parentId ? (names.get(entry.parentId) ?? null) : null,
  };
}

/** Certificate evidence links are internal too, so their changes are left out of public logs. */
function publicChangelog(changelog: Changelog): Changelog {
  const withoutInternal = onlyFields(changelog, isPublicField);
  const strip = (value: unknown) =>
    Array.isArray(value) ? publicCertifications(value as CertificationFields[]) : value;
  const changed = withoutInternal.changed
    .map((entry) => ({
      ...entry,
      changes: entry.changes
        .map((change) =>
          change.field === "certifications"
            ? { ...change, before: strip(change.before), after: strip(change.after) }
            : change,
        )
        .filter((change) => canonicalJson(change.before) !== canonicalJson(change.after)),
    }))
    .filter((entry) => entry.changes.length > 0);
  return { ...withoutInternal, changed };
}

export function toPublicVersion(version: Version): PublicVersion {
  const names = new Map(version.entries.map((entry) => [entry.id, entry.name]));
  const entries = version.entries.map((entry) => toPublicEntry(entry, names));
  return {
    version: version.number,
    publishedAt: version.publishedAt,
    sha256: createHash("sha256").update(canonicalJson(entries)).digest("hex"),
    entries,
    changes: publicChangelog(version.changelog),
  };
}

export function latestPublicVersion(db: Queryable): PublicVersion | undefined {
  const latest = latestVersion(db);
  return latest ? toPublicVersion(latest) : undefined;
}

export function publicVersions(db: Queryable, limit: number): PublicVersion[] {
  return listVersions(db).slice(0, limit).map(toPublicVersion);
}

/** The `.json` document: who publishes the list, then its latest published version. */
export function publicRegisterDocument(db: Queryable) {
  const latest = latestPublicVersion(db);
  return latest ? { company: companyNameOf(db), ...latest } : undefined;
}
