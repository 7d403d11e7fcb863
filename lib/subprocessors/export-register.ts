import { createHash } from "node:crypto";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { registerCsv } from "./export-csv";
import { registerJson } from "./export-json";
import { registerPdf } from "./export-pdf";
import { exportFileName } from "./export-table";
import { companyNameOf } from "./publisher";
import { loadRegister, versionParam } from "./register-content";

export const EXPORT_FORMATS = ["csv", "json", "pdf"] as const;

const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "format must be one of csv, json or pdf." }),
  version: versionParam,
});

const CONTENT_TYPES: Record<(typeof EXPORT_FORMATS)[number], string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
};

export type RegisterExport = {
  body: Buffer;
  fileName: string;
  contentType: string;
  version: number | null;
  sha256: string;
};

/** One export of the draft or a published version, in the format asked for. */
export async function exportRegister(db: Queryable, input: unknown): Promise<RegisterExport> {
  const query = exportQuery.parse(input);

  const content = loadRegister(db, query.version);
  const companyName = companyNameOf(db);
  const body =
    query.format === "csv"
      ? registerCsv(content, companyName)
      : query.format === "json"
        ? registerJson(content, companyName)
        : await registerPdf(content, companyName);
  return {
    body,
    fileName: exportFileName(content, query.format),
    contentType: CONTENT_TYPES[query.format],
    version: content.version,
    sha256: content.sha256,
  };
}

/** RFC 9530 Content-Digest of the exact bytes, beside the content hash the file itself states. */
export function contentDigest(body: Buffer): string {
  return `sha-256=:${createHash("sha256").update(body).digest("base64")}:`;
}
