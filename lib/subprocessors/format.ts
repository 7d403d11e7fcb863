import {
  CERTIFICATION_LABELS,
  CUSTOM_CERTIFICATION,
  DATA_CATEGORY_INFO,
  REGION_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  TRANSFER_LABELS,
} from "./catalog";
import type { CertificationFields, EntryField } from "./types";

/** Human-readable text for register values, shared by pages, history, exports and feeds. */

export function certificationLabel(certification: {
  code: CertificationFields["code"];
  customName: string | null;
}): string {
  return certification.code === CUSTOM_CERTIFICATION
    ? (certification.customName ?? "Custom")
    : CERTIFICATION_LABELS[certification.code];
}

/** Public documents carry a certification's display name instead of its code. */
type NamedCertification = { name: string; expiresOn: string | null };

export function describeCertification(
  certification: CertificationFields | NamedCertification,
): string {
  const label = "name" in certification ? certification.name : certificationLabel(certification);
  return certification.expiresOn ? `${label} (until ${certification.expiresOn})` : label;
}

type Label = (value: string) => string;

const lookup =
  (labels: Record<string, string>): Label =>
  (value) =>
    labels[value] ?? value;

const FIELD_FORMATS: Partial<Record<EntryField, Label>> = {
  role: lookup(ROLE_LABELS),
  status: lookup(STATUS_LABELS),
  transferMechanism: lookup(TRANSFER_LABELS),
  dataCategories: (value) =>
    DATA_CATEGORY_INFO[value as keyof typeof DATA_CATEGORY_INFO]?.label ?? value,
  storageRegions: lookup(REGION_LABELS),
  processingRegions: lookup(REGION_LABELS),
};

/**
 * One field's value as text; lists are joined with "; ". `parentName` resolves parent ids, which
 * only the caller can look up.
 */
export function formatField(
  field: EntryField,
  value: unknown,
  parentName: (id: string) => string = (id) => id,
): string {
  if (value === null || value === undefined || value === "") return "";
  if (field === "certifications" && Array.isArray(value)) {
    return (value as (CertificationFields | NamedCertification)[])
      .map(describeCertification)
      .join("; ");
  }
  if (field === "parentId" && typeof value === "string") return parentName(value);
  const format = FIELD_FORMATS[field] ?? String;
  if (Array.isArray(value)) return value.map((item) => format(String(item))).join("; ");
  return format(String(value));
}

const dayUtc = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const timeUtc = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "4 December 2026, 21:58 UTC": for people reading a document, whatever their time zone. */
export function formatTimestampUtc(iso: string): string {
  const date = new Date(iso);
  return `${dayUtc.format(date)}, ${timeUtc.format(date)} UTC`;
}
