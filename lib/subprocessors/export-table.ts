import { formatField } from "./format";
import type { RegisterContent } from "./register-content";
import { parentNamesOf } from "./register-content";
import { ENTRY_FIELDS, FIELD_LABELS } from "./types";

export const EXPORT_HEADER = [...ENTRY_FIELDS.map((field) => FIELD_LABELS[field]), "ID"];

/** The register as rows of text, one per entry, in EXPORT_HEADER's column order. */
export function exportRows(content: RegisterContent): string[][] {
  const parentName = parentNamesOf(content.entries);
  return content.entries.map((entry) => [
    ...ENTRY_FIELDS.map((field) => formatField(field, entry[field], parentName)),
    entry.id,
  ]);
}

/** `subprocessors-v3-2026-12-03.csv`, or `subprocessors-draft-….csv` for the draft. */
export function exportFileName(content: RegisterContent, extension: string): string {
  const version = content.version === null ? "draft" : `v${content.version}`;
  return `subprocessors-${version}-${content.date.slice(0, 10)}.${extension}`;
}
