import type { EntryFields } from "./entry-input";

export type { CertificationFields, EntryFields } from "./entry-input";

/** A register entry as stored: its fields plus identity and bookkeeping. */
export type Entry = EntryFields & {
  id: string;
  /** Bumped by every saved change; an update must name the revision it started from. */
  revision: number;
  createdAt: string;
  updatedAt: string;
};

/** The fields that history, changelogs and comparisons look at, in display order. */
export const ENTRY_FIELDS = [
  "name",
  "legalEntity",
  "website",
  "purpose",
  "role",
  "dataCategories",
  "storageRegions",
  "processingRegions",
  "transferMechanism",
  "certifications",
  "dpaUrl",
  "dpaSignedOn",
  "status",
  "effectiveOn",
  "owner",
  "notes",
  "parentId",
] as const satisfies readonly (keyof EntryFields)[];
export type EntryField = (typeof ENTRY_FIELDS)[number];

export const FIELD_LABELS: Record<EntryField, string> = {
  name: "Name",
  legalEntity: "Legal entity",
  website: "Website",
  purpose: "Purpose",
  role: "Pipeline role",
  dataCategories: "Data categories",
  storageRegions: "Storage regions",
  processingRegions: "Processing regions",
  transferMechanism: "Transfer mechanism",
  certifications: "Certifications",
  dpaUrl: "DPA link",
  dpaSignedOn: "DPA signed",
  status: "Status",
  effectiveOn: "Effective date",
  owner: "Owner",
  notes: "Notes",
  parentId: "Parent entry",
};

/** Fields only the company sees; the public trust page and its feeds leave them out. */
export const INTERNAL_FIELDS: readonly EntryField[] = ["dpaUrl", "dpaSignedOn", "owner", "notes"];

export type FieldChange = { field: EntryField; before: unknown; after: unknown };
