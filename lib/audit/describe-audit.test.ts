import { describe, expect, it } from "vitest";
import { describeAuditDetail } from "./describe-audit";

describe("describeAuditDetail", () => {
  it.each([
    ["account.role_changed", { from: "viewer", to: "admin" }, "viewer → admin"],
    [
      "directory.updated",
      { before: { rateLimitPerSecond: null }, after: { rateLimitPerSecond: 50 } },
      "rate limit: none → 50",
    ],
    [
      "compliance_settings.updated",
      {
        before: { allowedStorageRegions: ["EEA"], expiryWarningDays: 60 },
        after: { allowedStorageRegions: ["EEA", "UK"], expiryWarningDays: 30 },
      },
      "allowed storage regions: EU/EEA → EU/EEA, United Kingdom; " +
        "warning window (days): 60 → 30",
    ],
    [
      "subprocessor.created",
      { revision: 1, fields: ["name", "legalEntity", "purpose"] },
      "revision 1, 3 fields set",
    ],
    [
      "subprocessor.updated",
      { revision: 3, fields: ["name", "dpaUrl"] },
      "revision 3: Name, DPA link",
    ],
    [
      "register_version.published",
      { entries: 4, added: 1, removed: 0, changed: 2, sha256: "ab" },
      "1 added, 2 changed, 0 removed; 4 entries",
    ],
  ])("describes %s in one line", (action, detail, line) => {
    expect(describeAuditDetail(action, detail)).toBe(line);
  });
});
