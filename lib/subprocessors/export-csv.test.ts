import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell, registerCsv } from "./export-csv";

describe("neutraliseCell", () => {
  it.each(["=1+1", "+44 20", "-2", "@SUM(A1)", "\tTAB", "\rCR"])(
    "prefixes %j with an apostrophe so spreadsheets show it as text",
    (cell) => {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    },
  );

  it("leaves ordinary text, dates and inner signs alone", () => {
    for (const cell of ["Northwind", "2026-01-31", "a=b", ""]) {
      expect(neutraliseCell(cell)).toBe(cell);
    }
  });
});

const EMPTY_DRAFT = {
  version: null,
  label: "Draft",
  date: "2026-06-01T00:00:00.000Z",
  entries: [],
  sha256: "0".repeat(64),
};

describe("registerCsv", () => {
  it("writes an empty register as a BOM, the stated block and the header row", () => {
    const bytes = registerCsv(EMPTY_DRAFT, null);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records.map((record) => record[0])).toEqual([
      "Sub-processor register",
      "Version",
      "Date",
      "SHA-256",
      "",
      "Name",
    ]);
    expect(records[3]?.[1]).toBe("0".repeat(64));
  });

  it("titles the register with the operator's company name once it is set", () => {
    const records = parse(registerCsv(EMPTY_DRAFT, "Acme GmbH"), { bom: true }) as string[][];
    expect(records[0]?.[0]).toBe("Acme GmbH sub-processor register");
  });
});
