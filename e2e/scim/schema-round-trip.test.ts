import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

type Attribute = {
  name: string;
  type: string;
  multiValued: boolean;
  mutability: string;
  returned: string;
  subAttributes?: Attribute[];
};
type Schema = { id: string; attributes: Attribute[] };

let server: TestServer;
let scim: ReturnType<typeof scimClient>;
let schemas: Schema[];

beforeAll(async () => {
  server = await startServer();
  scim = scimClient(server, createDirectory(server, "okta").token);
  const response = await scim("GET", "/Schemas");
  schemas = (response.body?.Resources ?? []) as Schema[];
});

afterAll(async () => {
  await server?.stop();
});

/** A value of the right type for each writable attribute, so the body exercises all of them. */
function sampleValue(attribute: Attribute, seed: string): unknown {
  const scalar = (): unknown => {
    switch (attribute.type) {
      case "boolean":
        return true;
      case "integer":
        return 42;
      case "decimal":
        return 4.2;
      case "dateTime":
        return "2026-01-02T03:04:05.000Z";
      case "binary":
        return Buffer.from(`${seed}-${attribute.name}`).toString("base64");
      case "reference":
        return `https://example.com/${seed}/${attribute.name}`;
      default:
        return `${seed} ${attribute.name}`;
    }
  };
  const one = (index: number): unknown => {
    if (attribute.type !== "complex") return scalar();
    const writable = (attribute.subAttributes ?? []).filter(isClientWritable);
    return Object.fromEntries(
      writable.map((sub) => [
        sub.name,
        sub.name === "primary" ? index === 0 : sampleValue(sub, `${seed}${index}`),
      ]),
    );
  };
  return attribute.multiValued ? [one(0), one(1)] : one(0);
}

function isClientWritable(attribute: Attribute): boolean {
  return attribute.mutability !== "readOnly" && attribute.returned !== "never";
}

function bodyFor(schema: Schema, seed: string): Record<string, unknown> {
  return Object.fromEntries(
    schema.attributes.filter(isClientWritable).map((attribute) => {
      // The manager must be a user of the directory; $ref is the server's to fill in.
      if (attribute.name === "manager") return [attribute.name, { value: seed }];
      return [attribute.name, sampleValue(attribute, seed)];
    }),
  );
}

describe("every attribute /Schemas advertises", () => {
  it("advertises the core User, Enterprise User and Group schemas", () => {
    expect(schemas.map((schema) => schema.id).sort()).toEqual(
      [USER, ENTERPRISE, "urn:ietf:params:scim:schemas:core:2.0:Group"].sort(),
    );
  });

  it("round-trips exactly through POST and GET on a User", async () => {
    const manager = await scim("POST", "/Users", { userName: "manager@example.com" });
    const managerId = String(manager.body?.id);
    const core = schemas.find((schema) => schema.id === USER);
    const extension = schemas.find((schema) => schema.id === ENTERPRISE);
    if (!core || !extension) throw new Error("schemas missing");
    const sent = {
      schemas: [USER, ENTERPRISE],
      ...bodyFor(core, "ada"),
      userName: "ada@example.com",
      [ENTERPRISE]: bodyFor(extension, managerId),
    };
    const created = await scim("POST", "/Users", sent);
    expect(created.status).toBe(201);
    const read = await scim("GET", `/Users/${String(created.body?.id)}`);
    const { id: _id, meta: _meta, groups: _groups, ...returned } = read.body ?? {};
    expect(returned).toEqual(sent);
  });

  it("round-trips exactly through POST and GET on a Group", async () => {
    const group = schemas.find((schema) => schema.id.endsWith(":Group"));
    if (!group) throw new Error("Group schema missing");
    const sent = { schemas: [group.id], displayName: "Round trip", externalId: "rt-1" };
    const created = await scim("POST", "/Groups", sent);
    expect(created.status).toBe(201);
    const read = await scim("GET", `/Groups/${String(created.body?.id)}`);
    const { id: _id, meta: _meta, members, ...returned } = read.body ?? {};
    expect(returned).toEqual(sent);
    expect(members).toEqual([]);
  });
});
