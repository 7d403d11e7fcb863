import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { signInAs, vendor, type EntryBody, type RegisterClient } from "./register-client";

type ErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};

let server: TestServer;
let compliance: RegisterClient;
let viewer: RegisterClient;

beforeAll(async () => {
  server = await startServer();
  compliance = await signInAs(server, "compliance");
  viewer = await signInAs(server, "viewer");
});

afterAll(async () => {
  await server?.stop();
});

const BAD_ENTRIES: [string, Record<string, unknown>, string, RegExp][] = [
  [
    "an unknown storage region",
    { storageRegions: ["DE", "MARS"] },
    "storageRegions.1",
    /Unknown region "MARS"/,
  ],
  [
    "an unknown processing region",
    { processingRegions: ["eu"] },
    "processingRegions.0",
    /Unknown region "eu"/,
  ],
  ["no storage region", { storageRegions: [] }, "storageRegions", /at least one region/],
  ["a region listed twice", { storageRegions: ["US", "US"] }, "storageRegions", /twice/],
  [
    "a website that is not a URL",
    { website: "northwind dot example" },
    "website",
    /full web address/,
  ],
  [
    "a website with a script scheme",
    { website: "javascript:alert(1)" },
    "website",
    /full web address/,
  ],
  ["a DPA link without a host", { dpaUrl: "https://" }, "dpaUrl", /full web address/],
  [
    "a malformed evidence link",
    { certifications: [{ code: "iso27001", evidenceUrl: "iso.pdf" }] },
    "certifications.0.evidenceUrl",
    /full web address/,
  ],
  [
    "an unknown certification",
    { certifications: [{ code: "soc3" }] },
    "certifications.0.code",
    /Unknown certification "soc3"/,
  ],
  [
    "a custom certification without a name",
    { certifications: [{ code: "custom" }] },
    "certifications.0.customName",
    /Name the custom certification/,
  ],
  [
    "a certification listed twice",
    { certifications: [{ code: "hipaa" }, { code: "hipaa" }] },
    "certifications",
    /listed twice/,
  ],
  [
    "an expiry that is not a date",
    { certifications: [{ code: "hipaa", expiresOn: "next year" }] },
    "certifications.0.expiresOn",
    /YYYY-MM-DD/,
  ],
  ["a missing name", { name: "   " }, "name", /Name is required/],
  ["an unknown pipeline role", { role: "crypto_mining" }, "role", /Unknown pipeline role/],
  [
    "an unknown data category",
    { dataCategories: ["shoe_sizes"] },
    "dataCategories.0",
    /Unknown data category/,
  ],
  [
    "an unknown transfer mechanism",
    { transferMechanism: "handshake" },
    "transferMechanism",
    /Unknown transfer mechanism/,
  ],
  ["an unknown status", { status: "paused" }, "status", /Unknown status/],
  ["a signed date that is not a date", { dpaSignedOn: "2026-13-45" }, "dpaSignedOn", /YYYY-MM-DD/],
  [
    "a parent that does not exist",
    { parentId: "0b9c5f8e-0000-4000-8000-000000000000" },
    "parentId",
    /does not exist/,
  ],
];

describe("POST /api/subprocessors", () => {
  it.each(BAD_ENTRIES)(
    "answers 400 naming the field for %s",
    async (_case, patch, path, message) => {
      const answer = await compliance.request<ErrorBody>(
        "POST",
        "/api/subprocessors",
        vendor(patch),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("invalid_request");
      const issue = answer.body.error.issues?.find((item) => item.path === path);
      expect(issue, JSON.stringify(answer.body)).toBeDefined();
      expect(issue?.message).toMatch(message);
    },
  );

  it("answers 400 to a body that is not JSON", async () => {
    const answer = await compliance.request<ErrorBody>("POST", "/api/subprocessors", "{nope");
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("invalid_request");
  });

  it("creates a valid entry and answers 201", async () => {
    const answer = await compliance.request<EntryBody>("POST", "/api/subprocessors", vendor());
    expect(answer.status).toBe(201);
    expect(answer.body.entry).toMatchObject({ name: "Northwind Cloud", revision: 1 });
  });

  it("refuses an entry as its own parent and parents that make a loop", async () => {
    const parent = await compliance.request<EntryBody>(
      "POST",
      "/api/subprocessors",
      vendor({ name: "Parent" }),
    );
    const child = await compliance.request<EntryBody>(
      "POST",
      "/api/subprocessors",
      vendor({ name: "Child", parentId: parent.body.entry.id }),
    );
    expect(child.status).toBe(201);
    const loop = await compliance.request<ErrorBody>(
      "PUT",
      `/api/subprocessors/${parent.body.entry.id}`,
      vendor({ name: "Parent", parentId: child.body.entry.id, revision: 1 }),
    );
    expect(loop.status).toBe(400);
    expect(loop.body.error.issues?.[0]).toMatchObject({ path: "parentId" });
  });
});

describe("PUT /api/settings/compliance", () => {
  const BAD_SETTINGS: [string, Record<string, unknown>, RegExp][] = [
    [
      "an unknown required certification",
      { requiredCertifications: ["iso9001"] },
      /Unknown certification "iso9001"/,
    ],
    [
      "an unknown allowed region",
      { allowedStorageRegions: ["Atlantis"] },
      /Unknown region "Atlantis"/,
    ],
    ["no allowed region", { allowedStorageRegions: [] }, /at least one storage region/],
    ["a negative warning window", { expiryWarningDays: -5 }, /cannot be negative/],
    ["a warning window of a fraction of a day", { expiryWarningDays: 1.5 }, /whole number/],
    ["a company name on two lines", { companyName: "Acme\nGmbH" }, /one line of text/],
    ["a company name too long", { companyName: "A".repeat(101) }, /at most 100 characters/],
  ];
  const valid = {
    requiredCertifications: ["soc2_type2"],
    allowedStorageRegions: ["EEA", "UK"],
    expiryWarningDays: 30,
  };

  it.each(BAD_SETTINGS)("answers 400 to %s", async (_case, patch, message) => {
    const answer = await compliance.request<ErrorBody>("PUT", "/api/settings/compliance", {
      ...valid,
      ...patch,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues?.map((issue) => issue.message).join(" ")).toMatch(message);
  });

  it("saves valid settings and reads them back", async () => {
    const saved = await compliance.request("PUT", "/api/settings/compliance", valid);
    expect(saved.status).toBe(200);
    const read = await viewer.request<{ settings: Record<string, unknown> }>(
      "GET",
      "/api/settings/compliance",
    );
    expect(read.body.settings).toMatchObject({ ...valid, updatedBy: compliance.email });
  });
});

describe("GET /api/subprocessors/export", () => {
  it.each([
    ["an unknown format", "format=xlsx", 400],
    ["no format", "", 400],
    ["a version that is not a number", "format=csv&version=latest", 400],
    ["a version that was never published", "format=csv&version=99", 404],
  ])("answers %s with %s", async (_case, query, status) => {
    const answer = await compliance.request<ErrorBody>("GET", `/api/subprocessors/export?${query}`);
    expect(answer.status).toBe(status);
    expect(answer.body.error.message).toBeTruthy();
  });
});

describe("roles", () => {
  it("lets a viewer read but not change, publish or export the register", async () => {
    expect((await viewer.request("GET", "/api/subprocessors")).status).toBe(200);
    const refusals = await Promise.all([
      viewer.request("POST", "/api/subprocessors", vendor()),
      viewer.request("PUT", "/api/settings/compliance", {}),
      viewer.request("POST", "/api/subprocessors/versions"),
      viewer.request("GET", "/api/subprocessors/export?format=csv"),
    ]);
    expect(refusals.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
  });

  it("answers 401 without a session", async () => {
    const answer = await fetch(`${server.baseUrl}/api/subprocessors`);
    expect(answer.status).toBe(401);
  });

  it("refuses a write that does not come from the dashboard's own origin", async () => {
    const answer = await fetch(`${server.baseUrl}/api/subprocessors/versions`, {
      method: "POST",
      headers: { Cookie: compliance.cookie, Origin: "https://attacker.example" },
    });
    expect(answer.status).toBe(403);
  });
});
