import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "db/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [
            "e2e/scim/**/*.test.ts",
            "e2e/dashboard-api/**/*.test.ts",
            "e2e/logs/**/*.test.ts",
            "e2e/subprocessors/**/*.test.ts",
          ],
          globalSetup: ["e2e/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
