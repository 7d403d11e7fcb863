// `npm run bench`: seeds 100k users, serves the production build, and measures each SCIM
// operation beside /api/health in the same server run. Prints one table; asserts nothing.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const ROOT = path.resolve(import.meta.dirname, "..");
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 500);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const PORT = 3900 + Math.floor(Math.random() * 90);

type Scenario = { name: string; target?: number; requests: autocannon.Request[] };
type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number; target?: number };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-bench-"));
const env = {
  ...process.env,
  DATABASE_PATH: path.join(dir, "roster.db"),
  LOG_LEVEL: "warn",
  NODE_ENV: "production" as const,
};

function cli<T>(...args: string[]): T {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["lib/cli/main.ts", ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cli ${args.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

function sample<T>(items: T[], random = Math.random): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Resident memory of the server and its children, from /proc, in bytes. */
function treeRssBytes(pid: number): number {
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean);
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024 + children.reduce((sum, child) => sum + treeRssBytes(Number(child)), 0);
}

async function measure(url: string, scenario: Scenario): Promise<Row> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: scenario.requests,
  });
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    target: scenario.target,
  };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" });
  }
  const { directory, token } = cli<{ directory: { id: string }; token: string }>(
    "directory",
    "create",
    "--name",
    "Bench",
    "--provider",
    "entra",
  );
  const seeded = cli<{ durationMs: number }>(
    "seed",
    "--directory",
    directory.id,
    "--users",
    String(USERS),
    "--groups",
    String(GROUPS),
  );
  console.log(`seeded ${USERS} users and ${GROUPS} groups in ${seeded.durationMs} ms`);

  const server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${PORT}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = server.pid ?? 0;
  let peakRss = 0;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, treeRssBytes(pid));
  }, 200);

  const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" };
  const scim = `${base}/scim/v2`;
  const page = (await fetch(`${scim}/Users?count=1000&attributes=userName`, { headers: auth }).then(
    (r) => r.json(),
  )) as { Resources: { id: string; userName: string }[] };
  const groupPage = (await fetch(`${scim}/Groups?count=500&excludedAttributes=members`, {
    headers: auth,
  }).then((r) => r.json())) as { Resources: { id: string }[] };
  const known = page.Resources;
  const groupIds = groupPage.Resources.map((g) => g.id);
  let created = 0;

  const scenarios: Scenario[] = [
    { name: "GET /api/health", requests: [{ method: "GET", path: "/api/health" }] },
    {
      name: "userName filter lookup",
      target: 0.8,
      requests: [
        {
          method: "GET",
          headers: auth,
          setupRequest: (req) => ({
            ...req,
            path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${sample(known).userName}"`)}`,
          }),
        },
      ],
    },
    {
      name: "list page (100 users)",
      requests: [
        {
          method: "GET",
          headers: auth,
          setupRequest: (req) => ({
            ...req,
            path: `/scim/v2/Users?startIndex=${1 + Math.floor(Math.random() * 1000)}&count=100`,
          }),
        },
      ],
    },
    {
      name: "create user",
      target: 0.6,
      requests: [
        {
          method: "POST",
          path: "/scim/v2/Users",
          headers: auth,
          setupRequest: (req) => {
            created += 1;
            const userName = `bench.${process.pid}.${created}@example.com`;
            return {
              ...req,
              body: JSON.stringify({
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
                userName,
                active: true,
                displayName: `Bench ${created}`,
                emails: [{ value: userName, type: "work", primary: true }],
                name: { givenName: "Bench", familyName: String(created) },
              }),
            };
          },
        },
      ],
    },
    {
      name: "PATCH user",
      target: 0.6,
      requests: [
        {
          method: "PATCH",
          headers: auth,
          setupRequest: (req) => ({
            ...req,
            path: `/scim/v2/Users/${sample(known).id}`,
            body: JSON.stringify({
              schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              Operations: [{ op: "Replace", path: "title", value: `Title ${Math.random()}` }],
            }),
          }),
        },
      ],
    },
    {
      name: "group membership PATCH",
      target: 0.6,
      requests: [
        {
          method: "PATCH",
          headers: auth,
          setupRequest: (req) => ({
            ...req,
            path: `/scim/v2/Groups/${sample(groupIds)}`,
            body: JSON.stringify({
              schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              Operations: [{ op: "Add", path: "members", value: [{ value: sample(known).id }] }],
            }),
          }),
        },
      ],
    },
  ];

  const rows: Row[] = [];
  for (const scenario of scenarios) rows.push(await measure(base, scenario));
  clearInterval(rssTimer);
  peakRss = Math.max(peakRss, treeRssBytes(pid));
  server.kill("SIGTERM");

  const health = rows[0]?.rps ?? 1;
  const table = rows.map((row) => ({
    scenario: row.name,
    "req/s": Math.round(row.rps),
    "p50 ms": row.p50,
    "p99 ms": row.p99,
    "vs health": `${Math.round((row.rps / health) * 100)}%`,
    target:
      row.target === undefined
        ? ""
        : `>= ${row.target * 100}% ${row.rps / health >= row.target ? "met" : "MISSED"}`,
    "non-2xx": row.non2xx,
  }));
  console.table(table);
  console.log(
    `peak server RSS: ${(peakRss / 1_048_576).toFixed(0)} MB (target < 300 MB); ${CONNECTIONS} connections, ${DURATION_S} s per scenario, ${os.cpus().length} cores shared with the load generator`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
