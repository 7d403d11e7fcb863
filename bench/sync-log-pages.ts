// `npx tsx bench/sync-log-pages.ts`: fills a scratch database with a million sync-log entries
// (SYNC_LOG_ROWS to change) and times pages of /logs as the API reads them: the first page,
// deep pages by cursor, each filter, and the first batch of an export. Prints one table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { v7 as uuidv7 } from "uuid";
import { openDb, type Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { exportLog } from "@/lib/sync-log/export-log";
import { listLog } from "@/lib/sync-log/list-log";

const ROWS = Number(process.env.SYNC_LOG_ROWS ?? 1_000_000);
const SPAN_MS = 30 * 24 * 3_600_000;
const RUNS = Number(process.env.SYNC_LOG_RUNS ?? 7);

const METHODS = ["GET", "GET", "GET", "POST", "PATCH", "PATCH", "PUT", "DELETE"];

function statusFor(i: number): number {
  if (i % 97 === 0) return 500;
  if (i % 13 === 0) return 404;
  if (i % 29 === 0) return 409;
  return i % 5 === 0 ? 201 : 200;
}

function fill(db: Db, directoryIds: string[]): void {
  const insert = db.$client.prepare(`INSERT INTO sync_requests (id, created_at, directory_id,
    token_id, token_name, method, path, query, status, scim_type, duration_ms, client_ip,
    user_agent, headers, request_body, response_body, is_request_truncated,
    is_response_truncated, resource_type, resource_id, resource_label, resources, quirks)
    VALUES (?, ?, ?, NULL, 'bench', ?, ?, NULL, ?, NULL, ?, '10.0.0.1', 'Azure', '{}', ?, ?, 0, 0,
    ?, ?, ?, '[]', '[]')`);
  const startMs = Date.now() - SPAN_MS;
  const batch = db.$client.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const atMs = startMs + Math.floor((i / ROWS) * SPAN_MS);
      const isGroup = i % 7 === 0;
      const resourceId = uuidv7({ msecs: atMs });
      const label = isGroup ? `Group ${i % 500}` : `user${i % 100_000}@example.com`;
      const body = JSON.stringify({ userName: label, active: true, name: { givenName: "A" } });
      insert.run(
        uuidv7({ msecs: atMs }),
        new Date(atMs + 5).toISOString(),
        directoryIds[i % directoryIds.length],
        METHODS[i % METHODS.length],
        `/scim/v2/${isGroup ? "Groups" : "Users"}/${resourceId}`,
        statusFor(i),
        3 + (i % 40),
        body,
        body,
        isGroup ? "Group" : "User",
        resourceId,
        label,
      );
    }
  });
  for (let from = 0; from < ROWS; from += 50_000) batch(from, Math.min(ROWS, from + 50_000));
}

function medianMs(run: () => void): number {
  const times = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}

async function firstExportBatchMs(db: Db, query: Record<string, string>): Promise<number> {
  const start = performance.now();
  const reader = exportLog(db, query).body?.getReader();
  await reader?.read();
  await reader?.cancel();
  return performance.now() - start;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-log-bench-"));
const db = openDb(path.join(dir, "roster.db"));
const directoryIds = ["Entra", "Okta", "OneLogin"].map(
  (name) => createDirectory(db, { name, provider: "generic" }).directory.id,
);
const fillStart = performance.now();
fill(db, directoryIds);
console.log(
  `filled ${ROWS.toLocaleString("en")} rows in ${Math.round(performance.now() - fillStart)} ms`,
);

let cursor = listLog(db, {}).older ?? undefined;
for (let page = 0; page < 10 && cursor; page += 1)
  cursor = listLog(db, { before: cursor }).older ?? undefined;
const deepId = db.$client
  .prepare("SELECT id FROM sync_requests ORDER BY id LIMIT 1 OFFSET ?")
  .pluck()
  .get(Math.floor(ROWS / 2)) as string;
const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
const twoWeeksAgo = new Date(Date.now() - 14 * 86_400_000).toISOString();

const cases: [string, Record<string, string>][] = [
  ["first page", {}],
  ["page 11 (cursor)", { before: cursor ?? deepId }],
  ["middle of the log (cursor)", { before: deepId }],
  ["newer page (after cursor)", { after: deepId }],
  ["directory", { directory: directoryIds[1] ?? "" }],
  ["directory, middle", { directory: directoryIds[1] ?? "", before: deepId }],
  ["status 4xx", { status: "4xx" }],
  ["status 5xx, middle", { status: "5xx", before: deepId }],
  ["method DELETE", { method: "DELETE" }],
  ["resource type Group", { type: "Group" }],
  ["last 24 hours", { from: dayAgo }],
  ["a week, two weeks ago", { from: twoWeeksAgo, to: weekAgo }],
  ["text, common (example.com)", { q: "example.com" }],
  ["text, one user", { q: "user4242@example.com" }],
  ["text, no match", { q: "nobody-at-all" }],
  ["directory + 5xx + Group", { directory: directoryIds[0] ?? "", status: "5xx", type: "Group" }],
];

for (const analyzed of [false, true]) {
  if (analyzed) db.$client.exec("ANALYZE");
  console.log(`\n${analyzed ? "after ANALYZE" : "without planner statistics (as shipped)"}`);
  const table = cases.map(([name, query]) => ({
    case: name,
    "median ms (50 rows)": Number(medianMs(() => listLog(db, query)).toFixed(2)),
  }));
  console.table(table);
}
for (const format of ["csv", "ndjson"] as const) {
  const firstBatchMs = await firstExportBatchMs(db, { format });
  console.log(`export, first batch of 500: ${firstBatchMs.toFixed(1)} ms (${format})`);
}
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
