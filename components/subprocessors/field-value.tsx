import { formatField } from "@/lib/subprocessors/format";
import type { EntryField } from "@/lib/subprocessors/types";

const LINK_FIELDS: readonly EntryField[] = ["website", "dpaUrl"];

/** A field's value for reading: links stay links, empty values show a dash. */
export function FieldValue({
  field,
  value,
  parentName,
}: {
  field: EntryField;
  value: unknown;
  parentName?: (id: string) => string;
}) {
  const text = formatField(field, value, parentName);
  if (text === "") return <span className="muted">—</span>;
  if (LINK_FIELDS.includes(field) && typeof value === "string") {
    return (
      <a href={value} target="_blank" rel="noreferrer noopener">
        {value}
      </a>
    );
  }
  return <span className="field-text">{text}</span>;
}
