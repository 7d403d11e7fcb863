// `npm test`: every suite, in order of cost; stops at the first failing stage, and ends with one
// "N passed, N failed" line that totals every test run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const RESULTS = "test-results";
const vitestJson = (project) => [
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${RESULTS}/vitest-${project}.json`,
];

const STAGES = [
  { name: "type check", command: "npx", args: ["tsc", "--noEmit", "-p", "."] },
  {
    name: "unit tests",
    command: "npx",
    args: ["vitest", "run", "--project", "unit", ...vitestJson("unit")],
    results: { kind: "vitest", file: `${RESULTS}/vitest-unit.json` },
  },
  { name: "production build", command: "npx", args: ["next", "build"] },
  {
    name: "integration and conformance tests",
    command: "npx",
    args: ["vitest", "run", "--project", "integration", ...vitestJson("integration")],
    results: { kind: "vitest", file: `${RESULTS}/vitest-integration.json` },
  },
  {
    name: "dashboard tests in Chromium (Playwright)",
    command: "npx",
    args: ["playwright", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: `${RESULTS}/playwright.json` },
    results: { kind: "playwright", file: `${RESULTS}/playwright.json` },
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };

function count(results) {
  if (!results || !fs.existsSync(results.file)) return;
  const report = JSON.parse(fs.readFileSync(results.file, "utf8"));
  if (results.kind === "vitest") {
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else {
    totals.passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    totals.failed += report.stats?.unexpected ?? 0;
    totals.skipped += report.stats?.skipped ?? 0;
  }
}

const summary = () => `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;

fs.mkdirSync(RESULTS, { recursive: true });
for (const stage of STAGES) {
  if (stage.results) fs.rmSync(stage.results.file, { force: true });
  console.log(`\n=== ${stage.name}: ${stage.command} ${stage.args.join(" ")}`);
  const result = spawnSync(stage.command, stage.args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...stage.env },
  });
  count(stage.results);
  if (result.status !== 0) {
    console.error(`\n${stage.name} failed (exit ${result.status ?? result.signal})`);
    if (stage.name.includes("Playwright")) {
      console.error("Screenshots, traces and error context: test-results/playwright/");
    }
    console.log(`\nRoster: ${summary()}`);
    process.exit(result.status || 1);
  }
}
console.log("\nAll test stages passed.");
console.log(`Roster: ${summary()}`);
