import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { Db } from "@/db/client";
import { parseQuirks, withDirectoryNames } from "./list-log";
import { logFilterInput, toRequestFilters } from "./log-query";
import {
  eventsForRequests,
  listRequests,
  type RequestFilters,
  type SyncEvent,
  type SyncRequest,
} from "./queries";

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows read per step of the stream: enough to amortise a query, few enough to never stall. */
const BATCH_ROWS = 500;

export const exportInput = logFilterInput.and(z.object({ format: z.enum(EXPORT_FORMATS) }));

type ExportRow = SyncRequest & { directoryName: string | null; events: SyncEvent[] };

const CSV_COLUMNS: [string, (row: ExportRow) => string | number | null][] = [
  ["time", (row) => row.createdAt],
  ["id", (row) => row.id],
  ["directory_id", (row) => row.directoryId],
  ["directory", (row) => row.directoryName],
  ["token", (row) => row.tokenName],
  ["method", (row) => row.method],
  ["path", (row) => row.path],
  ["query", (row) => row.query],
  ["status", (row) => row.status],
  ["scim_type", (row) => row.scimType],
  ["duration_ms", (row) => row.durationMs],
  ["client_ip", (row) => row.clientIp],
  ["user_agent", (row) => row.userAgent],
  ["resource_type", (row) => row.resourceType],
  ["resource_id", (row) => row.resourceId],
  ["resource", (row) => row.resourceLabel],
  ["quirks", (row) => parseQuirks(row.quirks).join(" ")],
  ["events", (row) => row.events.map((event) => event.type).join(" ")],
];

function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One JSON object per line: the whole entry, bodies parsed where they are JSON. */
function toNdjsonLine(row: ExportRow): string {
  const { headers, requestBody, responseBody, resources, quirks, events, ...fields } = row;
  const entry = {
    ...fields,
    headers: JSON.parse(headers) as unknown,
    requestBody: parseStored(requestBody),
    responseBody: parseStored(responseBody),
    resources: JSON.parse(resources) as unknown,
    quirks: JSON.parse(quirks) as unknown,
    events: events.map(({ requestId: _requestId, ...event }) => event),
  };
  return `${JSON.stringify(entry)}\n`;
}

/**
 * RFC 4180 (CRLF, quoted where needed, a header line). Cells that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) are prefixed with an apostrophe.
 */
function toCsv(rows: ExportRow[], isFirst: boolean): string {
  return stringify(
    rows.map((row) => CSV_COLUMNS.map(([, read]) => read(row))),
    {
      header: isFirst,
      columns: CSV_COLUMNS.map(([name]) => name),
      record_delimiter: "windows",
      escape_formulas: true,
    },
  );
}

/** The filtered log, newest first, a batch at a time; rows recorded after the start stay out. */
function* exportChunks(db: Db, filters: RequestFilters, format: ExportFormat) {
  let before: string | undefined;
  let isFirst = true;
  for (;;) {
    const page = listRequests(db, filters, { before, limit: BATCH_ROWS });
    const events = eventsForRequests(
      db,
      page.items.map((row) => row.id),
    );
    const rows = withDirectoryNames(db, page.items).map((row) => ({
      ...row,
      events: events.get(row.id) ?? [],
    }));
    if (format === "ndjson") yield rows.map(toNdjsonLine).join("");
    else if (rows.length > 0 || isFirst) yield toCsv(rows, isFirst);
    isFirst = false;
    if (!page.nextBefore) return;
    before = page.nextBefore;
  }
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/** Streams the filtered view as CSV or NDJSON; each pull reads one batch, so memory stays flat. */
export function exportLog(db: Db, input: unknown, now = new Date()): Response {
  const query = exportInput.parse(input);
  const chunks = exportChunks(db, toRequestFilters(query), query.format);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return(undefined);
    },
  });
  const stamp = now.toISOString().slice(0, 19).replaceAll(":", "");
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[query.format],
      "Content-Disposition": `attachment; filename="roster-sync-log-${stamp}.${query.format}"`,
      "Cache-Control": "no-store",
    },
  });
}
