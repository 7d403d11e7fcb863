import { XMLParser } from "fast-xml-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { atomFeed } from "./atom-feed";
import { registerJsonDocument } from "./export-json";
import { companyNameOf } from "./publisher";
import { getSettings, updateSettings } from "./settings";

const OFFICER: Actor = { id: "officer-1", label: "cora@example.com" };
const RULES = {
  requiredCertifications: ["soc2_type2", "iso27001"],
  allowedStorageRegions: ["EEA"],
  expiryWarningDays: 60,
};

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
});

afterEach(() => close());

describe("updateSettings", () => {
  it("sets the company name, keeps it when a save leaves it out and clears it when empty", () => {
    updateSettings(db, OFFICER, { ...RULES, companyName: "  Acme GmbH " });
    expect(companyNameOf(db)).toBe("Acme GmbH");

    updateSettings(db, OFFICER, { ...RULES, expiryWarningDays: 30 });
    expect(companyNameOf(db)).toBe("Acme GmbH");

    updateSettings(db, OFFICER, { ...RULES, expiryWarningDays: 30, companyName: "" });
    expect(getSettings(db)).toMatchObject({ companyName: null, expiryWarningDays: 30 });
  });

  it("audits a new company name with the name before and after", () => {
    updateSettings(db, OFFICER, { ...RULES, companyName: "Acme GmbH" });

    const [row] = db.select().from(auditEvents).all();
    expect(JSON.parse(row?.detail ?? "{}")).toEqual({
      before: { companyName: null },
      after: { companyName: "Acme GmbH" },
    });
  });

  it.each([
    ["longer than 100 characters", "A".repeat(101), /at most 100 characters/],
    ["on two lines", "Acme\nGmbH", /one line/],
    ["not text", 42, /must be text/],
  ])("refuses a company name %s", (_case, companyName, message) => {
    const save = () => updateSettings(db, OFFICER, { ...RULES, companyName });
    expect(save).toThrow(ZodError);
    expect(save).toThrow(message);
  });
});

describe("atomFeed", () => {
  const parse = (xml: string) => new XMLParser().parse(xml) as { feed: Record<string, unknown> };

  it("names the company as the feed's title and author", () => {
    const { feed } = parse(atomFeed([], "https://trust.acme.example", "Acme & Co"));
    expect(feed).toMatchObject({
      title: "Acme & Co sub-processors",
      author: { name: "Acme & Co" },
    });
  });

  it("names no company, and the site's host as author, while none is set", () => {
    const { feed } = parse(atomFeed([], "https://trust.acme.example", null));
    expect(feed).toMatchObject({ title: "Sub-processors", author: { name: "trust.acme.example" } });
  });
});

describe("registerJsonDocument", () => {
  it("states the company and titles the register after it", () => {
    const content = { version: 2, label: "Version 2", date: "", entries: [], sha256: "" };
    expect(registerJsonDocument(content, "Acme GmbH")).toMatchObject({
      title: "Acme GmbH sub-processor register",
      company: "Acme GmbH",
    });
    expect(registerJsonDocument(content, null)).toMatchObject({
      title: "Sub-processor register",
      company: null,
    });
  });
});
