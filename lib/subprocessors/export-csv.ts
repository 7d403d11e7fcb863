import { stringify } from "csv-stringify/sync";
import { EXPORT_HEADER, exportRows } from "./export-table";
import { registerTitle } from "./publisher";
import type { RegisterContent } from "./register-content";

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection");
 * a leading apostrophe makes them show it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted where needed, every record as wide as the header.
 * A short block above the table states the version, its date and the content's SHA-256. The BOM
 * makes spreadsheet tools read the file as UTF-8.
 */
export function registerCsv(content: RegisterContent, companyName: string | null): Buffer {
  const width = EXPORT_HEADER.length;
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  const records = [
    pad([registerTitle(companyName)]),
    pad(["Version", content.label]),
    pad(["Date", content.date]),
    pad(["SHA-256", content.sha256]),
    pad([]),
    EXPORT_HEADER,
    ...exportRows(content),
  ].map((cells) => cells.map(neutraliseCell));
  return Buffer.from(stringify(records, { bom: true, record_delimiter: "windows" }), "utf8");
}
