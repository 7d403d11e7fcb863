import { z } from "zod";
import type { Queryable } from "@/db/client";
import { subprocessors } from "@/db/schema";
import { searchText } from "@/lib/dashboard/page-input";
import {
  CERTIFICATIONS,
  CUSTOM_CERTIFICATION,
  DATA_CATEGORIES,
  ENTRY_STATUSES,
  PIPELINE_ROLES,
  REGION_CODES,
  type DataCategory,
} from "./catalog";
import {
  CHECK_CODES,
  checkEntry,
  isFailing,
  todayIso,
  type CheckCode,
  type CheckFinding,
} from "./checks";
import { certificationLabel } from "./format";
import { byName, toEntry } from "./rows";
import { getSettings } from "./settings";
import type { Entry } from "./types";

export const SORT_KEYS = [
  "name",
  "status",
  "role",
  "effectiveOn",
  "updatedAt",
  "findings",
] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(values).optional());

export const listQuery = z.object({
  q: searchText,
  status: optionalEnum(ENTRY_STATUSES),
  region: optionalEnum(REGION_CODES),
  certification: optionalEnum([...CERTIFICATIONS, CUSTOM_CERTIFICATION]),
  role: optionalEnum(PIPELINE_ROLES),
  attention: z.enum(["true", "false"]).optional(),
  sort: optionalEnum(SORT_KEYS).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export type EntryListItem = Entry & { findings: CheckFinding[]; parentName: string | null };

export type RegisterSummary = {
  entries: number;
  checked: number;
  failing: number;
  warnings: number;
  byCheck: Record<CheckCode, number>;
};

export type DataAccess = { category: DataCategory; vendors: { id: string; name: string }[] };

export type EntryList = {
  items: EntryListItem[];
  summary: RegisterSummary;
  dataAccess: DataAccess[];
};

function matches(item: EntryListItem, query: z.output<typeof listQuery>): boolean {
  if (query.status && item.status !== query.status) return false;
  if (query.role && item.role !== query.role) return false;
  if (query.region) {
    const regions: readonly string[] = [...item.storageRegions, ...item.processingRegions];
    if (!regions.includes(query.region)) return false;
  }
  if (query.certification && !item.certifications.some((c) => c.code === query.certification)) {
    return false;
  }
  if (query.attention === "true" && item.findings.length === 0) return false;
  if (query.attention === "false" && item.findings.length > 0) return false;
  if (query.q) {
    const haystack = [
      item.name,
      item.legalEntity,
      item.purpose,
      item.owner ?? "",
      item.website ?? "",
    ]
      .concat(item.certifications.map(certificationLabel))
      .join("\n")
      .toLowerCase();
    if (!haystack.includes(query.q)) return false;
  }
  return true;
}

const severityWeight = (item: EntryListItem) =>
  item.findings.reduce((sum, finding) => sum + (finding.severity === "fail" ? 10 : 1), 0);

function compare(sort: (typeof SORT_KEYS)[number]) {
  return (a: EntryListItem, b: EntryListItem): number => {
    if (sort === "findings") return severityWeight(a) - severityWeight(b) || byName(a, b);
    if (sort === "name") return byName(a, b);
    const left = a[sort] ?? "";
    const right = b[sort] ?? "";
    return left < right ? -1 : left > right ? 1 : byName(a, b);
  };
}

function summarise(items: EntryListItem[]): RegisterSummary {
  const byCheck = Object.fromEntries(CHECK_CODES.map((code) => [code, 0])) as Record<
    CheckCode,
    number
  >;
  for (const item of items) {
    for (const code of new Set(item.findings.map((finding) => finding.code))) byCheck[code] += 1;
  }
  return {
    entries: items.length,
    checked: items.filter((item) => item.status !== "retired").length,
    failing: items.filter((item) => isFailing(item.findings)).length,
    warnings: items.filter((item) => item.findings.length > 0 && !isFailing(item.findings)).length,
    byCheck,
  };
}

function dataAccessOf(items: EntryListItem[]): DataAccess[] {
  const current = items.filter((item) => item.status !== "retired");
  return DATA_CATEGORIES.map((category) => ({
    category,
    vendors: current
      .filter((item) => item.dataCategories.includes(category))
      .map(({ id, name }) => ({ id, name })),
  }));
}

/** Every entry with today's check findings. */
export function loadCheckedEntries(db: Queryable, today = todayIso()): EntryListItem[] {
  const settings = getSettings(db);
  const entries = db.select().from(subprocessors).all().map(toEntry).sort(byName);
  const names = new Map(entries.map((entry) => [entry.id, entry.name]));
  return entries.map((entry) => ({
    ...entry,
    findings: checkEntry(entry, settings, today),
    parentName: entry.parentId ? (names.get(entry.parentId) ?? null) : null,
  }));
}

/**
 * The register is tens of entries, not thousands: it is read whole and filtered here, which keeps
 * JSON list columns and today's checks simple to filter on.
 */
export function listEntries(db: Queryable, input: unknown): EntryList {
  const query = listQuery.parse(input);
  const all = loadCheckedEntries(db);
  const items = all.filter((item) => matches(item, query)).sort(compare(query.sort));
  if (query.order === "desc") items.reverse();
  return { items, summary: summarise(all), dataAccess: dataAccessOf(all) };
}
