import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { complianceSettings, subprocessors } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { openTestDb, readAudit } from "@/lib/sync-log/test-log-db";
import { createEntry } from "./create-entry";
import { publishVersion } from "./publish-version";
import { getSettings, updateSettings } from "./settings";
import { updateEntry } from "./update-entry";

const OFFICER: Actor = { id: "officer-1", label: "cora@example.com" };

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
});

afterEach(() => close());

const audit = () => readAudit(db);

const vendor = (overrides: Record<string, unknown> = {}) => ({
  name: "Northwind Cloud",
  legalEntity: "Northwind Cloud GmbH",
  website: "https://northwind.example",
  purpose: "Hosting",
  role: "hosting",
  dataCategories: ["names"],
  storageRegions: ["DE"],
  processingRegions: ["EEA"],
  transferMechanism: "not_applicable",
  certifications: [{ code: "iso27001", expiresOn: "2099-01-31" }],
  dpaUrl: "https://northwind.example/dpa",
  dpaSignedOn: "2026-01-15",
  status: "active",
  effectiveOn: null,
  owner: "",
  notes: "",
  parentId: null,
  ...overrides,
});

const SETTINGS = {
  requiredCertifications: ["soc2_type2"],
  allowedStorageRegions: ["EEA", "UK"],
  expiryWarningDays: 30,
};

/** Without the audit table every audited write fails at its audit row. */
const breakAuditTrail = () => db.run(sql`DROP TABLE audit_events`);

describe("createEntry", () => {
  it("audits the new entry with the fields it sets", () => {
    const entry = createEntry(db, OFFICER, vendor());

    expect(audit()).toEqual([
      expect.objectContaining({
        action: "subprocessor.created",
        actorId: "officer-1",
        actorLabel: "cora@example.com",
        targetType: "subprocessor",
        targetId: entry.id,
        targetLabel: "Northwind Cloud",
        detail: expect.objectContaining({ revision: 1, fields: expect.arrayContaining(["name"]) }),
      }),
    ]);
  });

  it("keeps no entry when its audit row cannot be written", () => {
    breakAuditTrail();

    expect(() => createEntry(db, OFFICER, vendor())).toThrow(/audit_events/);
    expect(db.select().from(subprocessors).all()).toEqual([]);
  });
});

describe("updateEntry", () => {
  it("audits the fields a save changes, and nothing for a save that changes none", () => {
    const entry = createEntry(db, OFFICER, vendor());

    const saved = updateEntry(db, OFFICER, entry.id, {
      ...vendor({ name: "Northwind EU", purpose: "Hosting and backups" }),
      revision: 1,
    });
    updateEntry(db, OFFICER, entry.id, {
      ...vendor({ name: "Northwind EU", purpose: "Hosting and backups" }),
      revision: saved.revision,
    });

    expect(audit().map((row) => [row.action, row.targetLabel, row.detail])).toEqual([
      ["subprocessor.created", "Northwind Cloud", expect.anything()],
      ["subprocessor.updated", "Northwind EU", { revision: 2, fields: ["name", "purpose"] }],
    ]);
  });
});

describe("publishVersion", () => {
  it("audits the version number, its counts and hash in the publishing transaction", () => {
    createEntry(db, OFFICER, vendor());

    const version = publishVersion(db, OFFICER);

    expect(audit().at(-1)).toMatchObject({
      action: "register_version.published",
      actorLabel: "cora@example.com",
      targetType: "register_version",
      targetId: "1",
      targetLabel: "Version 1",
      detail: { entries: 1, added: 1, removed: 0, changed: 0, sha256: version.sha256 },
    });
  });

  it("audits nothing when publishing is refused", () => {
    createEntry(db, OFFICER, vendor());
    publishVersion(db, OFFICER);

    expect(() => publishVersion(db, OFFICER)).toThrow(/Nothing changed/);
    expect(audit().filter((row) => row.action === "register_version.published")).toHaveLength(1);
  });
});

describe("updateSettings", () => {
  it("audits each changed setting with its value before and after", () => {
    updateSettings(db, OFFICER, SETTINGS);

    expect(audit()).toEqual([
      expect.objectContaining({
        action: "compliance_settings.updated",
        targetType: "compliance_settings",
        targetLabel: "Compliance settings",
        detail: {
          before: {
            requiredCertifications: ["soc2_type2", "iso27001"],
            allowedStorageRegions: ["EEA"],
            expiryWarningDays: 60,
          },
          after: SETTINGS,
        },
      }),
    ]);
  });

  it("writes and audits nothing when the same settings are saved, in any order", () => {
    updateSettings(db, OFFICER, SETTINGS);
    const first = getSettings(db);

    updateSettings(
      db,
      { id: "other", label: "other@example.com" },
      {
        ...SETTINGS,
        allowedStorageRegions: ["UK", "EEA"],
      },
    );

    expect(getSettings(db)).toEqual(first);
    expect(audit()).toHaveLength(1);
  });

  it("keeps the old settings when the audit row cannot be written", () => {
    breakAuditTrail();

    expect(() => updateSettings(db, OFFICER, SETTINGS)).toThrow(/audit_events/);
    expect(db.select().from(complianceSettings).all()).toEqual([]);
  });
});
