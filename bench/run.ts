// `npm run bench`: seeds 100k users, serves the production build, and measures each SCIM
// operation beside /api/health in the same server run, with the sync log on and then off.
// Prints one table from one run; it asserts nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { serverCommand } from "../scripts/server-command.mjs";
import { scimScenarios, type Fixtures, type Scenario } from "./scenarios";

const ROOT = path.resolve(import.meta.dirname, "..");
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 500);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const WARMUP_S = 5;
/** Health and each scenario take turns in slices this long, in rounds of four (measurePair). */
const SLICE_S = 2;
const SLICE_ROUNDS = Math.max(1, Math.round(DURATION_S / SLICE_S / 2));
/** DURATION_S rounded to whole rounds: the seconds measured of each scenario, and of health. */
const MEASURED_S = SLICE_ROUNDS * 2 * SLICE_S;

type Measured = { rps: number; p50: number; p99: number; failures: number };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-bench-"));
const baseEnv = {
  ...process.env,
  DATABASE_PATH: path.join(dir, "roster.db"),
  NODE_ENV: "production" as const,
};

function cli<T>(...args: string[]): T {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const result = spawnSync(tsx, ["lib/cli/main.ts", ...args], {
    cwd: ROOT,
    env: baseEnv,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cli ${args.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Resident memory of a process and its children, from /proc, in bytes. */
function treeRssBytes(pid: number): number {
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean);
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024 + children.reduce((sum, child) => sum + treeRssBytes(Number(child)), 0);
}

async function startServer(port: number, env: Record<string, string>) {
  const server = serverCommand(ROOT, port);
  const child = spawn(server.command, server.args, {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, base };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The server did not start");
}

async function stopServer(child: ChildProcess) {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

/** Time for the server to finish what the last slice left in flight, before the next one. */
const DRAIN_MS = 250;

async function slice(base: string, scenario: Scenario, seconds: number) {
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const load = { url: base, connections: CONNECTIONS, requests: scenario.requests };
  return autocannon({ ...load, duration: seconds });
}

function summary(runs: autocannon.Result[]): Measured {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    rps: mean(runs.map((run) => run.requests.average)),
    p50: Math.round(mean(runs.map((run) => run.latency.p50))),
    p99: Math.round(mean(runs.map((run) => run.latency.p99))),
    failures: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
  };
}

/**
 * The scenario, after running unmeasured so that its code is warm, and health, in alternating
 * slices: health, scenario, scenario, health, and again. This machine's speed moves by tens of
 * percent within a minute; slices a few seconds long in this order cancel steady drift, where a
 * health run before and one after the scenario only averaged it.
 */
async function measurePair(base: string, health: Scenario, scenario: Scenario) {
  await slice(base, scenario, WARMUP_S);
  const runs = { health: [] as autocannon.Result[], scenario: [] as autocannon.Result[] };
  for (let round = 0; round < SLICE_ROUNDS; round += 1) {
    const order = [health, scenario, scenario, health];
    for (const turn of order) {
      const result = await slice(base, turn, SLICE_S);
      (turn === health ? runs.health : runs.scenario).push(result);
    }
  }
  return { health: runs.health, scenario: summary(runs.scenario) };
}

async function loadFixtures(base: string, token: string): Promise<Fixtures> {
  const headers = { Authorization: `Bearer ${token}` };
  const get = async <T>(query: string) =>
    (await (await fetch(`${base}/scim/v2${query}`, { headers })).json()) as T;
  type Page<R> = { Resources: R[] };
  const users = await get<Page<{ id: string; userName: string }>>(
    "/Users?count=1000&attributes=userName",
  );
  const groups = await get<Page<{ id: string }>>("/Groups?count=500&excludedAttributes=members");
  return { token, users: users.Resources, groupIds: groups.Resources.map((group) => group.id) };
}

/** One server run: every scenario in turn, each measured in slices alternating with health. */
async function runAll(port: number, env: Record<string, string>, token: string) {
  const { child, base } = await startServer(port, env);
  const pid = child.pid ?? 0;
  let peakRss = 0;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, treeRssBytes(pid))), 200);
  const [health, ...scim] = scimScenarios(await loadFixtures(base, token));
  if (!health) throw new Error("The health scenario comes first");
  await slice(base, health, WARMUP_S);
  const healthRuns: autocannon.Result[] = [];
  const results = new Map<string, Measured & { healthRps: number }>();
  for (const scenario of scim) {
    const measured = await measurePair(base, health, scenario);
    healthRuns.push(...measured.health);
    results.set(scenario.name, { ...measured.scenario, healthRps: summary(measured.health).rps });
  }
  const healthSummary = summary(healthRuns);
  results.set(health.name, { ...healthSummary, healthRps: healthSummary.rps });
  clearInterval(timer);
  peakRss = Math.max(peakRss, treeRssBytes(pid));
  await stopServer(child);
  return { health, scenarios: [health, ...scim], results, peakRss };
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" });
  }
  const created = cli<{ directory: { id: string }; token: string }>(
    ...["directory", "create", "--name", "Bench", "--provider", "okta"],
  );
  const seeded = cli<{ durationMs: number }>(
    ...["seed", "--directory", created.directory.id],
    ...["--users", String(USERS), "--groups", String(GROUPS)],
  );
  console.log(`seeded ${USERS} users and ${GROUPS} groups in ${seeded.durationMs} ms`);

  const port = 3900 + Math.floor(Math.random() * 90);
  // The run without the log starts from the database as seeded, not as the first run left it:
  // its group PATCHes give the listed users more groups, and so longer pages.
  const offDatabase = path.join(dir, "roster-log-off.db");
  for (const suffix of ["", "-wal"]) {
    const from = `${baseEnv.DATABASE_PATH}${suffix}`;
    if (fs.existsSync(from)) fs.copyFileSync(from, `${offDatabase}${suffix}`);
  }
  const on = await runAll(port, {}, created.token);
  const off = await runAll(
    port + 1,
    { SYNC_LOG: "off", DATABASE_PATH: offDatabase },
    created.token,
  );

  const table = on.scenarios.map(({ name, target }) => {
    const row = on.results.get(name);
    const without = off.results.get(name);
    const ratio = (row?.rps ?? 0) / (row?.healthRps ?? 1);
    // Each run against its own health slices: the two runs are minutes apart, and this
    // machine's speed moves more than the log costs between them.
    const ratioOff = (without?.rps ?? 0) / (without?.healthRps ?? 1);
    return {
      scenario: name,
      "req/s": Math.round(row?.rps ?? 0),
      "p50 ms": row?.p50,
      "p99 ms": row?.p99,
      "health req/s": Math.round(row?.healthRps ?? 0),
      "vs health": percent(ratio),
      target:
        target === undefined ? "" : `>= ${percent(target)} ${ratio >= target ? "met" : "MISSED"}`,
      "req/s log off": Math.round(without?.rps ?? 0),
      "vs health log off": without ? percent(ratioOff) : "",
      "log cost": name !== on.health.name && ratioOff > 0 ? percent(1 - ratio / ratioOff) : "",
      failures: row?.failures,
    };
  });
  console.table(table);
  const rssMb = (bytes: number) => (bytes / 1_048_576).toFixed(0);
  console.log(
    `peak server RSS: ${rssMb(on.peakRss)} MB with the sync log, ${rssMb(off.peakRss)} MB ` +
      `without (target < 300 MB). ${CONNECTIONS} connections, ${MEASURED_S} s a scenario, ` +
      `${os.cpus().length} cores shared with the load generator. Each ratio is to health's ` +
      `rate in the ${SLICE_S} s slices taken in turn with the scenario's; p50 and p99 are ` +
      `means over the slices. Log cost: 1 - (vs health) / (vs health log off), the share of ` +
      `the ratio the sync log takes (target: at most 15%).`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
