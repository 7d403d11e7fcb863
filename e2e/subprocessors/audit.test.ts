import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { signInAs, vendor, type EntryBody, type RegisterClient } from "./register-client";

type AuditItem = {
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  detail: Record<string, unknown>;
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

/** The audit trail as an auditor reads it, newest first, without sign-ins. */
async function changes(): Promise<AuditItem[]> {
  const answer = await admin.request<{ items: AuditItem[] }>("GET", "/api/audit?limit=200");
  expect(answer.status).toBe(200);
  return answer.body.items.filter((item) => !item.action.startsWith("auth."));
}

describe("the audit trail of the sub-processor register", () => {
  it("records an entry's creation and each saved change with its author", async () => {
    const created = await compliance.request<EntryBody>("POST", "/api/subprocessors", vendor());
    const id = created.body.entry.id;
    await compliance.request("PUT", `/api/subprocessors/${id}`, {
      ...vendor({ purpose: "Hosts the application." }),
      revision: 1,
    });

    const [updated, added] = await changes();
    expect(added).toMatchObject({
      action: "subprocessor.created",
      actorLabel: compliance.email,
      targetType: "subprocessor",
      targetId: id,
      targetLabel: "Northwind Cloud",
    });
    expect(updated).toMatchObject({
      action: "subprocessor.updated",
      actorLabel: compliance.email,
      targetId: id,
      detail: { revision: 2, fields: ["purpose"] },
    });
  });

  it("records a published version, and nothing for a refused publish", async () => {
    const published = await compliance.request<{ version: { sha256: string } }>(
      "POST",
      "/api/subprocessors/versions",
    );
    const refused = await compliance.request("POST", "/api/subprocessors/versions");

    expect([published.status, refused.status]).toEqual([201, 409]);
    const trail = await changes();
    expect(trail.filter((item) => item.action === "register_version.published")).toEqual([
      expect.objectContaining({
        actorLabel: compliance.email,
        targetLabel: "Version 1",
        detail: expect.objectContaining({ added: 1, sha256: published.body.version.sha256 }),
      }),
    ]);
  });

  it("records a change of the compliance settings with the values before and after", async () => {
    await compliance.request("PUT", "/api/settings/compliance", {
      requiredCertifications: ["soc2_type2", "iso27001"],
      allowedStorageRegions: ["EEA", "UK"],
      expiryWarningDays: 60,
    });

    const [latest] = await changes();
    expect(latest).toMatchObject({
      action: "compliance_settings.updated",
      actorLabel: compliance.email,
      detail: {
        before: { allowedStorageRegions: ["EEA"] },
        after: { allowedStorageRegions: ["EEA", "UK"] },
      },
    });
  });
});
