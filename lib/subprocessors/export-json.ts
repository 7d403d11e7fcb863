import { registerTitle } from "./publisher";
import type { RegisterContent } from "./register-content";

export const SHA256_OF = "canonical JSON of `entries` (UTF-8, object keys sorted, no whitespace)";

export function registerJsonDocument(
  content: RegisterContent,
  companyName: string | null,
  exportedAt = new Date(),
) {
  return {
    title: registerTitle(companyName),
    company: companyName,
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

export function registerJson(content: RegisterContent, companyName: string | null): Buffer {
  const document = registerJsonDocument(content, companyName);
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, "utf8");
}
