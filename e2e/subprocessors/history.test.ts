import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { signInAs, vendor, type EntryBody, type RegisterClient } from "./register-client";

type Change = { field: string; before: unknown; after: unknown };
type HistoryItem = {
  actorLabel: string;
  action: string;
  revision: number;
  changedAt: string;
  changes: Change[];
};
type Detail = {
  entry: { id: string; revision: number };
  history: HistoryItem[];
  findings: { code: string; severity: string; message: string }[];
};

let server: TestServer;
let compliance: RegisterClient;
let admin: RegisterClient;

beforeAll(async () => {
  server = await startServer();
  compliance = await signInAs(server, "compliance");
  admin = await signInAs(server, "admin");
});

afterAll(async () => {
  await server?.stop();
});

describe("entry history", () => {
  let id = "";

  it("records the creation with every filled field and its author", async () => {
    const created = await compliance.request<EntryBody>("POST", "/api/subprocessors", vendor());
    id = created.body.entry.id;
    const detail = await compliance.request<Detail>("GET", `/api/subprocessors/${id}`);
    expect(detail.body.history).toHaveLength(1);
    const [first] = detail.body.history;
    expect(first).toMatchObject({
      actorLabel: compliance.email,
      action: "subprocessor.created",
      revision: 1,
    });
    expect(first?.changes).toContainEqual({
      field: "name",
      before: null,
      after: "Northwind Cloud",
    });
    expect(first?.changes.map((change) => change.field)).not.toContain("notes");
  });

  it("records each changed field before and after, newest first, with who and when", async () => {
    const update = await admin.request<Detail>(
      "PUT",
      `/api/subprocessors/${id}`,
      vendor({
        storageRegions: ["DE", "US"],
        transferMechanism: "sccs",
        owner: "Security",
        revision: 1,
      }),
    );
    expect(update.status).toBe(200);
    expect(update.body.entry.revision).toBe(2);
    const [latest] = update.body.history;
    expect(latest).toMatchObject({
      actorLabel: admin.email,
      action: "subprocessor.updated",
      revision: 2,
    });
    expect(latest?.changes).toEqual([
      { field: "storageRegions", before: ["DE"], after: ["DE", "US"] },
      { field: "transferMechanism", before: "not_applicable", after: "sccs" },
      { field: "owner", before: "Platform team", after: "Security" },
    ]);
    expect(Date.parse(latest?.changedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("keeps list order irrelevant: the same regions reordered record no change", async () => {
    const same = await compliance.request<Detail>(
      "PUT",
      `/api/subprocessors/${id}`,
      vendor({
        storageRegions: ["US", "DE"],
        transferMechanism: "sccs",
        owner: "Security",
        revision: 2,
      }),
    );
    expect(same.status).toBe(200);
    expect(same.body.entry.revision).toBe(2);
    expect(same.body.history).toHaveLength(2);
  });

  it("refuses a save based on an old revision with 409 and records nothing", async () => {
    const stale = await compliance.request<{ error: { code: string; message: string } }>(
      "PUT",
      `/api/subprocessors/${id}`,
      vendor({ name: "Overwritten", revision: 1 }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/Someone else saved/);
    const detail = await compliance.request<Detail>("GET", `/api/subprocessors/${id}`);
    expect(detail.body.history).toHaveLength(2);
  });

  it("answers 404 for an entry that does not exist", async () => {
    const missing = await compliance.request("GET", "/api/subprocessors/not-an-entry");
    expect(missing.status).toBe(404);
  });
});

describe("compliance checks", () => {
  it("shows what an entry fails and follows the settings", async () => {
    const created = await compliance.request<EntryBody>(
      "POST",
      "/api/subprocessors",
      vendor({
        name: "Mailgrid",
        role: "email_notifications",
        storageRegions: ["US"],
        transferMechanism: null,
        dpaUrl: null,
        dpaSignedOn: null,
        certifications: [{ code: "soc2_type2", expiresOn: "2020-01-01" }],
      }),
    );
    const id = created.body.entry.id;
    const detail = await compliance.request<Detail>("GET", `/api/subprocessors/${id}`);
    expect(detail.body.findings.map((finding) => finding.code).sort()).toEqual([
      "certification_expired",
      "missing_certification",
      "no_dpa",
      "storage_outside_allowed",
    ]);

    await compliance.request("PUT", "/api/settings/compliance", {
      requiredCertifications: [],
      allowedStorageRegions: ["EEA", "US"],
      expiryWarningDays: 60,
    });
    const relaxed = await compliance.request<Detail>("GET", `/api/subprocessors/${id}`);
    expect(relaxed.body.findings.map((finding) => finding.code).sort()).toEqual([
      "certification_expired",
      "no_dpa",
    ]);
  });

  it("summarises failing entries on the list and filters those that need attention", async () => {
    const list = await compliance.request<{
      items: { name: string }[];
      summary: { failing: number; byCheck: Record<string, number> };
    }>("GET", "/api/subprocessors?attention=true");
    expect(list.body.items.map((item) => item.name)).toEqual(["Mailgrid"]);
    expect(list.body.summary.failing).toBe(1);
    expect(list.body.summary.byCheck).toMatchObject({ no_dpa: 1, certification_expired: 1 });

    const byRole = await compliance.request<{ items: { name: string }[] }>(
      "GET",
      "/api/subprocessors?role=hosting&region=DE&certification=iso27001&status=active",
    );
    expect(byRole.body.items.map((item) => item.name)).toEqual(["Northwind Cloud"]);
    const search = await compliance.request<{ items: { name: string }[] }>(
      "GET",
      "/api/subprocessors?q=mailg",
    );
    expect(search.body.items.map((item) => item.name)).toEqual(["Mailgrid"]);
  });
});
