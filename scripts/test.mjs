// `npm test`: every suite, in order of cost; stops at the first failing stage.
import { spawnSync } from "node:child_process";

const STAGES = [
  ["type check", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["production build", "npx", ["next", "build"]],
  ["integration and conformance tests", "npx", ["vitest", "run", "--project", "integration"]],
  ["dashboard tests in Chromium (Playwright)", "npx", ["playwright", "test"]],
];

for (const [name, command, args] of STAGES) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal})`);
    if (name.includes("Playwright")) {
      console.error("Screenshots, traces and error context: test-results/playwright/");
    }
    process.exit(result.status ?? 1);
  }
}
console.log("\nAll test stages passed.");
