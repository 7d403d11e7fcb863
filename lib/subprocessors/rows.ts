import { subprocessors } from "@/db/schema";
import {
  DATA_CATEGORIES,
  REGION_CODES,
  type DataCategory,
  type EntryStatus,
  type PipelineRole,
  type RegionCode,
  type TransferMechanism,
} from "./catalog";
import type { CertificationFields, Entry, EntryFields } from "./types";

type Row = typeof subprocessors.$inferSelect;

/** Rows are only written from validated input, so their values are the catalog's. */
export function toEntry(row: Row): Entry {
  return {
    id: row.id,
    name: row.name,
    legalEntity: row.legalEntity,
    website: row.website,
    purpose: row.purpose,
    role: row.role as PipelineRole,
    dataCategories: row.dataCategories as DataCategory[],
    storageRegions: row.storageRegions as RegionCode[],
    processingRegions: row.processingRegions as RegionCode[],
    transferMechanism: row.transferMechanism as TransferMechanism | null,
    certifications: row.certifications as CertificationFields[],
    dpaUrl: row.dpaUrl,
    dpaSignedOn: row.dpaSignedOn,
    status: row.status as EntryStatus,
    effectiveOn: row.effectiveOn,
    owner: row.owner,
    notes: row.notes,
    parentId: row.parentId,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function inCatalogOrder<T extends string>(values: readonly T[], order: readonly T[]): T[] {
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Lists are kept in catalog order, so reordering checkboxes is never recorded as a change. */
export function normalised(fields: EntryFields): EntryFields {
  return {
    ...fields,
    dataCategories: inCatalogOrder(fields.dataCategories, DATA_CATEGORIES),
    storageRegions: inCatalogOrder(fields.storageRegions, REGION_CODES),
    processingRegions: inCatalogOrder(fields.processingRegions, REGION_CODES),
  };
}

export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.id < b.id ? -1 : 1);
}
