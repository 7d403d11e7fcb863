import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeQuirks, QUIRK_NOTES } from "./quirk-notes";

const SOURCES = ["lib/scim", "lib/scim-http", "lib/provisioning"];

/** Every quirk code the protocol layer can note, read from its `notes.add(...)` calls. */
function notedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const folder of SOURCES) {
    const files = fs.readdirSync(folder, { recursive: true, encoding: "utf8" });
    for (const file of files.filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
      const text = fs.readFileSync(path.join(folder, file), "utf8");
      for (const call of text.matchAll(/notes\.add\(([^)]*)\)/g)) {
        for (const literal of (call[1] ?? "").matchAll(/"([a-z]+(?:-[a-z]+)+)"/g))
          codes.add(literal[1] ?? "");
      }
    }
  }
  return codes;
}

describe("describeQuirks", () => {
  it("has a plain-language sentence for every quirk code the protocol layer notes", () => {
    const codes = [...notedCodes()];
    expect(codes).toContain("string-boolean");
    expect(codes.filter((code) => !(code in QUIRK_NOTES))).toEqual([]);
  });

  it("keeps the recorded order and explains an unknown code generically", () => {
    const notes = describeQuirks(["path-case", "from-the-future"]);
    expect(notes.map((note) => note.code)).toEqual(["path-case", "from-the-future"]);
    expect(notes[0]?.text).toMatch(/\/users/);
    expect(notes[1]?.text).toMatch(/normalised/);
  });
});
