import fs from "node:fs";
import path from "node:path";

/** Integration suites run against the production build; fail fast with a clear hint without one. */
export default function setup(): void {
  const buildId = path.resolve(import.meta.dirname, "../../.next/BUILD_ID");
  if (!fs.existsSync(buildId)) throw new Error("No production build: run `npm run build` first");
}
