import { REGISTER_TITLE } from "./export-table";
import type { RegisterContent } from "./register-content";

export const SHA256_OF = "canonical JSON of `entries` (UTF-8, object keys sorted, no whitespace)";

export function registerJsonDocument(content: RegisterContent, exportedAt = new Date()) {
  return {
    title: REGISTER_TITLE,
    version: content.version,
    label: content.label,
    date: content.date,
    exportedAt: exportedAt.toISOString(),
    sha256: content.sha256,
    sha256Of: SHA256_OF,
    entryCount: content.entries.length,
    entries: content.entries,
  };
}

export function registerJson(content: RegisterContent): Buffer {
  return Buffer.from(`${JSON.stringify(registerJsonDocument(content), null, 2)}\n`, "utf8");
}
