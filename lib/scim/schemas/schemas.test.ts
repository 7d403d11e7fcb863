import { describe, expect, it } from "vitest";
import { SCHEMAS, type AttributeDef } from "./index";

function referenceAttributes(attributes: AttributeDef[], prefix = ""): [string, AttributeDef][] {
  return attributes.flatMap((def) => {
    const name = `${prefix}${def.name}`;
    const own: [string, AttributeDef][] = def.type === "reference" ? [[name, def]] : [];
    return [...own, ...referenceAttributes(def.subAttributes ?? [], `${name}.`)];
  });
}

describe("SCHEMAS", () => {
  it("gives every attribute of type reference its referenceTypes (RFC 7643 §7)", () => {
    const missing = SCHEMAS.flatMap((schema) =>
      referenceAttributes(schema.attributes)
        .filter(([, def]) => (def.referenceTypes ?? []).length === 0)
        .map(([name]) => `${schema.id}:${name}`),
    );

    expect(missing).toEqual([]);
  });

  it("says photos.value refers to external resources, as RFC 7643 §8.7.1 does", () => {
    const user = SCHEMAS.find((schema) => schema.name === "User");
    const photos = user?.attributes.find((def) => def.name === "photos");
    const value = photos?.subAttributes?.find((def) => def.name === "value");

    expect(value?.referenceTypes).toEqual(["external"]);
  });
});
