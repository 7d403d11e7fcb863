import type { NextConfig } from "next";

const config: NextConfig = {
  // SCIM clients send `/Users/` as often as `/Users`; both must reach the handler, unredirected.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["better-sqlite3", "pino", "pdfkit"],
  poweredByHeader: false,
  // `npm test` runs tsc over the whole tree, tests included; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
};

export default config;
