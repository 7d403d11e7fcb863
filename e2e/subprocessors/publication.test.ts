import Database from "better-sqlite3";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { signInAs, vendor, type EntryBody, type RegisterClient } from "./register-client";

type EntryRef = { id: string; name: string };
type Changelog = {
  previousVersion: number | null;
  added: EntryRef[];
  removed: EntryRef[];
  changed: (EntryRef & { changes: { field: string; before: unknown; after: unknown }[] })[];
};
type VersionBody = {
  version: { number: number; publishedAt: string; sha256: string; changelog: Changelog };
};

let server: TestServer;
let compliance: RegisterClient;
const ids: Record<string, string> = {};

async function create(name: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const answer = await compliance.request<EntryBody>(
    "POST",
    "/api/subprocessors",
    vendor({ name, ...overrides }),
  );
  expect(answer.status).toBe(201);
  ids[name] = answer.body.entry.id;
}

async function edit(name: string, overrides: Record<string, unknown>): Promise<void> {
  const id = ids[name] ?? "";
  const current = await compliance.request<{ entry: Record<string, unknown> }>(
    "GET",
    `/api/subprocessors/${id}`,
  );
  const answer = await compliance.request("PUT", `/api/subprocessors/${id}`, {
    ...current.body.entry,
    ...overrides,
  });
  expect(answer.status).toBe(200);
}

const publicJson = async () => {
  const answer = await fetch(`${server.baseUrl}/trust/subprocessors.json`);
  return {
    status: answer.status,
    body: (await answer.json()) as Record<string, unknown> & { entries?: { name: string }[] },
  };
};

beforeAll(async () => {
  server = await startServer();
  compliance = await signInAs(server, "compliance");
});

afterAll(async () => {
  await server?.stop();
});

describe("publication", () => {
  it("has nothing public before the first version", async () => {
    expect((await publicJson()).status).toBe(404);
    const page = await fetch(`${server.baseUrl}/trust/subprocessors`, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("No sub-processor list has been published yet");
  });

  it("publishes version 1 listing every proposed and active entry as added", async () => {
    await create("Northwind Cloud");
    await create("Mailgrid", { role: "email_notifications", status: "proposed" });
    await create("Old Logs Inc", { role: "monitoring_logging" });
    await create("Never Used", { status: "retired" });
    const published = await compliance.request<VersionBody>("POST", "/api/subprocessors/versions");
    expect(published.status).toBe(201);
    const { version } = published.body;
    expect(version.number).toBe(1);
    expect(version.changelog.previousVersion).toBeNull();
    expect(version.changelog.added.map((entry) => entry.name)).toEqual([
      "Mailgrid",
      "Northwind Cloud",
      "Old Logs Inc",
    ]);
    expect(version.changelog.removed).toEqual([]);
  });

  it("refuses to publish when nothing changed", async () => {
    const again = await compliance.request<{ error: { message: string } }>(
      "POST",
      "/api/subprocessors/versions",
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/Nothing changed since version 1/);
  });

  it("publishes version 2 with added, removed and changed fields against version 1", async () => {
    await create("Queueflow", { role: "event_queue" });
    await edit("Old Logs Inc", { status: "retired" });
    await edit("Northwind Cloud", {
      storageRegions: ["DE", "UK"],
      purpose: "Hosting and backups.",
    });
    const pending = await compliance.request<{ pending: Changelog }>(
      "GET",
      "/api/subprocessors/versions",
    );
    expect(pending.body.pending.added.map((entry) => entry.name)).toEqual(["Queueflow"]);

    const published = await compliance.request<VersionBody>("POST", "/api/subprocessors/versions");
    const { changelog } = published.body.version;
    expect(published.body.version.number).toBe(2);
    expect(changelog.previousVersion).toBe(1);
    expect(changelog.added.map((entry) => entry.name)).toEqual(["Queueflow"]);
    expect(changelog.removed.map((entry) => entry.name)).toEqual(["Old Logs Inc"]);
    expect(changelog.changed).toEqual([
      {
        id: ids["Northwind Cloud"],
        name: "Northwind Cloud",
        changes: [
          { field: "purpose", before: vendor().purpose, after: "Hosting and backups." },
          { field: "storageRegions", before: ["DE"], after: ["DE", "UK"] },
        ],
      },
    ]);
  });

  it("keeps published versions immutable, even to direct SQL", () => {
    const db = new Database(server.databasePath);
    try {
      expect(() =>
        db.prepare("UPDATE register_versions SET sha256 = 'x' WHERE number = 1").run(),
      ).toThrow(/immutable/);
      expect(() => db.prepare("DELETE FROM register_versions").run()).toThrow(/immutable/);
    } finally {
      db.close();
    }
  });

  it("compares any two versions, and a version with the draft", async () => {
    const comparison = await compliance.request<{
      changelog: Changelog;
      from: { label: string };
      to: { label: string };
    }>("GET", "/api/subprocessors/compare?from=2&to=1");
    expect(comparison.body.from.label).toBe("Version 2");
    expect(comparison.body.changelog.added.map((entry) => entry.name)).toEqual(["Old Logs Inc"]);
    expect(comparison.body.changelog.removed.map((entry) => entry.name)).toEqual(["Queueflow"]);

    await edit("Mailgrid", { name: "Mailgrid Europe" });
    const withDraft = await compliance.request<{ changelog: Changelog }>(
      "GET",
      "/api/subprocessors/compare?from=2&to=draft",
    );
    expect(withDraft.body.changelog.changed.map((entry) => entry.name)).toEqual([
      "Mailgrid Europe",
    ]);
  });
});

describe("public trust pages", () => {
  it("serve the latest published version, not the later draft edit", async () => {
    const { status, body } = await publicJson();
    expect(status).toBe(200);
    expect(body.version).toBe(2);
    const names = (body.entries ?? []).map((entry) => entry.name);
    expect(names).toEqual(["Mailgrid", "Northwind Cloud", "Queueflow"]);

    const page = await fetch(`${server.baseUrl}/trust/subprocessors`, { redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Northwind Cloud");
    expect(html).toContain("Version 2");
    expect(html).not.toContain("Mailgrid Europe");
  });

  it("leave out internal fields: DPA, owner, notes and evidence links", async () => {
    const { body } = await publicJson();
    const text = JSON.stringify(body);
    for (const hidden of [
      "dpaUrl",
      "dpaSignedOn",
      "owner",
      "Platform team",
      "evidenceUrl",
      "northwind.example/iso",
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it("publish an Atom feed with one entry per version, newest first", async () => {
    const answer = await fetch(`${server.baseUrl}/trust/subprocessors.atom`);
    expect(answer.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const xml = await answer.text();
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml, true) as {
      feed: { entry: { title: string; summary: { "#text": string } }[]; "@_xmlns": string };
    };
    expect(feed.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.feed.entry.map((entry) => entry.title)).toEqual([
      "Sub-processor list version 2 published",
      "Sub-processor list version 1 published",
    ]);
    const summary = feed.feed.entry[0]?.summary["#text"] ?? "";
    expect(summary).toContain("Added: Queueflow.");
    expect(summary).toContain("Removed: Old Logs Inc.");
    expect(summary).toContain("Changed Northwind Cloud: Purpose, Storage regions.");
  });

  it("name no company, Roster least of all, until the operator sets its name", async () => {
    // The entries' own purposes mention Roster; the page's and feed's wording must not.
    const html = await (await fetch(`${server.baseUrl}/trust/subprocessors`)).text();
    const feed = await (await fetch(`${server.baseUrl}/trust/subprocessors.atom`)).text();

    expect(html).toContain("process customer data on our behalf");
    expect(`${html}${feed}`).not.toMatch(/for Roster|Roster sub-processors|<name>Roster</);
    expect((await publicJson()).body.company).toBeNull();
  });

  it("name the company set in the compliance settings on the page, feed and JSON", async () => {
    const saved = await compliance.request("PUT", "/api/settings/compliance", {
      companyName: "Acme & Söhne GmbH",
      requiredCertifications: ["soc2_type2", "iso27001"],
      allowedStorageRegions: ["EEA"],
      expiryWarningDays: 60,
    });
    expect(saved.status).toBe(200);

    const html = await (await fetch(`${server.baseUrl}/trust/subprocessors`)).text();
    expect(html).toContain("process customer data for Acme &amp; Söhne GmbH");
    expect(html).toContain("<title>Sub-processors · Acme &amp; Söhne GmbH</title>");
    const xml = await (await fetch(`${server.baseUrl}/trust/subprocessors.atom`)).text();
    const { feed } = new XMLParser().parse(xml) as { feed: Record<string, unknown> };
    expect(feed).toMatchObject({
      title: "Acme & Söhne GmbH sub-processors",
      author: { name: "Acme & Söhne GmbH" },
    });
    expect((await publicJson()).body).toMatchObject({ company: "Acme & Söhne GmbH", version: 2 });
  });

  it("need no sign-in and are never sent to the login page", async () => {
    for (const path of [
      "/trust/subprocessors",
      "/trust/subprocessors.json",
      "/trust/subprocessors.atom",
    ]) {
      const answer = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
      expect(answer.status, path).toBe(200);
      expect((await answer.text()).length, path).toBeGreaterThan(0);
    }
  });
});
