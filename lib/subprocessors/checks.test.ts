import { describe, expect, it } from "vitest";
import { checkEntry } from "./checks";
import { DEFAULT_SETTINGS } from "./settings-input";
import type { EntryFields } from "./types";

const TODAY = "2026-06-01";

const iso27001 = {
  code: "iso27001" as const,
  customName: null,
  expiresOn: "2027-12-31",
  evidenceUrl: null,
};

const compliant: EntryFields = {
  name: "Northwind Cloud",
  legalEntity: "Northwind Cloud GmbH",
  website: "https://northwind.example",
  purpose: "Hosting",
  role: "hosting",
  dataCategories: ["names", "email_addresses"],
  storageRegions: ["DE"],
  processingRegions: ["EEA"],
  transferMechanism: null,
  certifications: [iso27001],
  dpaUrl: "https://northwind.example/dpa",
  dpaSignedOn: "2026-01-10",
  status: "active",
  effectiveOn: "2026-02-01",
  owner: "Ops",
  notes: null,
  parentId: null,
};

const codes = (entry: EntryFields, settings = DEFAULT_SETTINGS) =>
  checkEntry(entry, settings, TODAY).map((finding) => finding.code);

describe("checkEntry", () => {
  it("passes an entry with a signed DPA, a required certificate and EEA storage", () => {
    expect(codes(compliant)).toEqual([]);
  });

  it("fails an entry without a DPA", () => {
    expect(codes({ ...compliant, dpaUrl: null, dpaSignedOn: null })).toEqual(["no_dpa"]);
  });

  it("fails an expired required certificate twice: expired, and no valid required one", () => {
    const entry = {
      ...compliant,
      certifications: [{ ...iso27001, expiresOn: "2026-05-31" }],
    };
    expect(codes(entry)).toEqual(["certification_expired", "missing_certification"]);
  });

  it("warns about a certificate expiring inside the warning window", () => {
    const entry = {
      ...compliant,
      certifications: [{ ...iso27001, expiresOn: "2026-07-31" }],
    };
    const findings = checkEntry(entry, DEFAULT_SETTINGS, TODAY);
    expect(findings).toEqual([expect.objectContaining({ code: "certification_expiring" })]);
    expect(findings[0]?.severity).toBe("warn");
    expect(codes(entry, { ...DEFAULT_SETTINGS, expiryWarningDays: 30 })).toEqual([]);
  });

  it("fails storage outside the allowed regions unless a transfer mechanism covers it", () => {
    const entry: EntryFields = { ...compliant, storageRegions: ["EEA", "US"] };
    expect(codes(entry)).toEqual(["storage_outside_allowed"]);
    expect(codes({ ...entry, transferMechanism: "not_applicable" })).toEqual([
      "storage_outside_allowed",
    ]);
    expect(codes({ ...entry, transferMechanism: "dpf" })).toEqual([]);
  });

  it("does not check retired entries", () => {
    expect(codes({ ...compliant, status: "retired", dpaUrl: null })).toEqual([]);
  });

  it("skips the certification requirement when none is configured", () => {
    const settings = { ...DEFAULT_SETTINGS, requiredCertifications: [] };
    expect(codes({ ...compliant, certifications: [] }, settings)).toEqual([]);
  });
});
