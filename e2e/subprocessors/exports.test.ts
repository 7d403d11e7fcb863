import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../support/server";
import { signInAs, vendor, type RegisterClient } from "./register-client";

let server: TestServer;
let compliance: RegisterClient;

const TRICKY_NOTES = 'Reviewed by "Legal", twice;\nsecond line, with commas';
const INJECTED = '=HYPERLINK("https://evil.example","click")';

/** Canonical JSON written independently of the app: object keys sorted, no whitespace. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    const record = value as Record<string, unknown>;
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const today = () => new Date().toISOString().slice(0, 10);

async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n");
}

beforeAll(async () => {
  server = await startServer();
  compliance = await signInAs(server, "compliance");
  await compliance.request("POST", "/api/subprocessors", vendor({ notes: TRICKY_NOTES }));
  await compliance.request(
    "POST",
    "/api/subprocessors",
    vendor({ name: "Zażółć Łódź Analytics", role: "analytics" }),
  );
  await compliance.request(
    "POST",
    "/api/subprocessors",
    vendor({ name: INJECTED, legalEntity: "-2+3", owner: "@ops" }),
  );
  const published = await compliance.request("POST", "/api/subprocessors/versions");
  expect(published.status).toBe(201);
  await compliance.request("POST", "/api/subprocessors", vendor({ name: "Draft Only Ltd" }));
});

afterAll(async () => {
  await server?.stop();
});

const jsonDocument = z.object({
  title: z.string(),
  version: z.number().int().nullable(),
  label: z.string(),
  date: z.iso.datetime(),
  exportedAt: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sha256Of: z.string(),
  entryCount: z.number().int(),
  entries: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      legalEntity: z.string(),
      role: z.string(),
      storageRegions: z.array(z.string()).min(1),
      certifications: z.array(z.object({ code: z.string(), expiresOn: z.string().nullable() })),
      status: z.enum(["proposed", "active", "retired"]),
    }),
  ),
});

describe("JSON export", () => {
  it("is a valid document whose SHA-256 matches the canonical JSON of its entries", async () => {
    const file = await compliance.download("/api/subprocessors/export?format=json&version=1");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="subprocessors-v1-${today()}.json"`,
    );
    const raw = JSON.parse(file.bytes.toString("utf8")) as { entries: unknown };
    const document = jsonDocument.parse(raw);
    expect(document).toMatchObject({ version: 1, label: "Version 1", entryCount: 3 });
    expect(document.sha256).toBe(sha256(canonical(raw.entries)));
    expect(file.headers.get("register-sha256")).toBe(document.sha256);
    expect(document.entries.map((entry) => entry.name)).not.toContain("Draft Only Ltd");
  });

  it("exports the draft with the newest entries and its own hash", async () => {
    const file = await compliance.download("/api/subprocessors/export?format=json");
    const raw = JSON.parse(file.bytes.toString("utf8")) as { entries: unknown };
    const document = jsonDocument.parse(raw);
    expect(document.version).toBeNull();
    expect(document.label).toBe("Draft");
    expect(document.entries.map((entry) => entry.name)).toContain("Draft Only Ltd");
    expect(document.sha256).toBe(sha256(canonical(raw.entries)));
    expect(file.headers.get("content-disposition")).toContain(
      `subprocessors-draft-${today()}.json`,
    );
  });
});

describe("CSV export", () => {
  let bytes: Buffer = Buffer.alloc(0);
  let records: string[][] = [];

  beforeAll(async () => {
    const file = await compliance.download("/api/subprocessors/export?format=csv&version=1");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(file.headers.get("content-disposition")).toContain(`subprocessors-v1-${today()}.csv`);
    const digest = file.headers.get("content-digest") ?? "";
    expect(digest).toBe(`sha-256=:${createHash("sha256").update(file.bytes).digest("base64")}:`);
    bytes = file.bytes;
    records = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
  });

  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/"[^"]*"/g, "").match(/(?<!\r)\n/)).toBeNull();
  });

  it("states the version, its date and the same content hash as the JSON export", async () => {
    const json = await compliance.download("/api/subprocessors/export?format=json&version=1");
    const document = jsonDocument.parse(JSON.parse(json.bytes.toString("utf8")));
    expect(records[0]?.[0]).toBe("Sub-processor register");
    expect(records[1]?.slice(0, 2)).toEqual(["Version", "Version 1"]);
    expect(records[2]?.slice(0, 2)).toEqual(["Date", document.date]);
    expect(records[3]?.slice(0, 2)).toEqual(["SHA-256", document.sha256]);
  });

  it("parses back to one row per entry under a header, every row as wide", () => {
    const header = records[5] ?? [];
    expect(header.slice(0, 3)).toEqual(["Name", "Legal entity", "Website"]);
    expect(new Set(records.map((record) => record.length)).size).toBe(1);
    const rows = records
      .slice(6)
      .map((record) => Object.fromEntries(header.map((key, i) => [key, record[i]])));
    expect(rows).toHaveLength(3);
    const northwind = rows.find((row) => row.Name === "Northwind Cloud");
    expect(northwind).toMatchObject({
      "Storage regions": "Germany",
      "Data categories": "Names; Email addresses; Group memberships",
      Certifications: "ISO 27001 (until 2099-01-31)",
      Notes: TRICKY_NOTES,
    });
    expect(rows.map((row) => row.Name)).toContain("Zażółć Łódź Analytics");
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    const header = records[5] ?? [];
    const row = records.find((record) => record[0]?.includes("HYPERLINK")) ?? [];
    expect(row[0]).toBe(`'${INJECTED}`);
    expect(row[header.indexOf("Legal entity")]).toBe("'-2+3");
    expect(row[header.indexOf("Owner")]).toBe("'@ops");
  });
});

describe("PDF export", () => {
  it("reads back with the version, date, hash and every entry, in any script", async () => {
    const file = await compliance.download("/api/subprocessors/export?format=pdf&version=1");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain(`subprocessors-v1-${today()}.pdf`);
    expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(file.bytes);
    const sha = file.headers.get("register-sha256") ?? "";
    expect(text).toContain("Sub-processor register");
    expect(text).not.toContain("Roster sub-processor register");
    expect(text).toContain("Version 1");
    expect(text).toContain(sha);
    const names = ["Northwind Cloud", "Zażółć Łódź Analytics", "Northwind Cloud GmbH"];
    for (const name of names) expect(text).toContain(name);
    expect(text).not.toContain("Draft Only Ltd");
  });

  it("exports the draft too", async () => {
    const file = await compliance.download("/api/subprocessors/export?format=pdf&version=draft");
    const text = await pdfText(file.bytes);
    expect(text).toContain("Draft");
    expect(text).toContain("Draft Only Ltd");
  });
});

describe("the date an export states", () => {
  it("reads in the PDF as people write it, in UTC, where CSV and JSON keep ISO 8601", async () => {
    const json = await compliance.download("/api/subprocessors/export?format=json&version=1");
    const { date } = jsonDocument.parse(JSON.parse(json.bytes.toString("utf8")));
    const file = await compliance.download("/api/subprocessors/export?format=pdf&version=1");
    const text = await pdfText(file.bytes);

    const at = new Date(date);
    const month = at.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
    const time = date.slice(11, 16);
    expect(text).toContain(
      `published ${at.getUTCDate()} ${month} ${at.getUTCFullYear()}, ${time} UTC`,
    );
    expect(text).not.toContain(date);
  });
});

describe("exports with a company name set", () => {
  beforeAll(async () => {
    const saved = await compliance.request("PUT", "/api/settings/compliance", {
      companyName: "Acme GmbH",
      requiredCertifications: ["soc2_type2", "iso27001"],
      allowedStorageRegions: ["EEA"],
      expiryWarningDays: 60,
    });
    expect(saved.status).toBe(200);
  });

  it("title every format after the company, and keep each version's content hash", async () => {
    const query = "/api/subprocessors/export?version=1&format=";
    const [csv, json, pdf] = await Promise.all(
      ["csv", "json", "pdf"].map((format) => compliance.download(`${query}${format}`)),
    );
    const document = jsonDocument.parse(JSON.parse(json?.bytes.toString("utf8") ?? ""));
    const records = parse(csv?.bytes ?? "", { bom: true, relax_column_count: true }) as string[][];

    expect(records[0]?.[0]).toBe("Acme GmbH sub-processor register");
    expect(document).toMatchObject({ title: "Acme GmbH sub-processor register" });
    expect(JSON.parse(json?.bytes.toString("utf8") ?? "")).toMatchObject({ company: "Acme GmbH" });
    expect(await pdfText(pdf?.bytes ?? Buffer.alloc(0))).toContain(
      "Acme GmbH sub-processor register",
    );
    expect(new Set([csv, json, pdf].map((file) => file?.headers.get("register-sha256"))).size).toBe(
      1,
    );
  });
});
