import { defineConfig, devices } from "@playwright/test";

/**
 * Dashboard tests in Debian's Chromium against the production build. The global setup starts
 * `next start` on a free port with a fresh database and hands its address to the tests.
 */
export default defineConfig({
  testDir: "e2e/dashboard",
  outputDir: "test-results/playwright",
  globalSetup: "./e2e/dashboard/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 1360, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
