import { badRequest } from "../errors";
import {
  COMMON_ATTRIBUTES,
  schemasOf,
  type AttributeDef,
  type ResourceKind,
  type SchemaDef,
} from "../schemas";
import { coerceComplex } from "./coerce-value";
import { readKey } from "./object-keys";
import { isScimObject, type ScimObject } from "./types";

export type NormalizedResource = { resource: ScimObject; notes: string[] };

/** Where a top-level body key belongs once URNs are matched case-insensitively. */
export type KeyRoute =
  { kind: "attribute"; schema: SchemaDef; name: string } | { kind: "extension"; schema: SchemaDef };

/**
 * Routes a top-level key: a bare name goes to the core schema, an extension URN to its object,
 * and `urn:…:User:department` (RFC 7644 §3.10 fully qualified name) to that schema's attribute.
 */
export function routeTopLevelKey(kind: ResourceKind, key: string): KeyRoute | undefined {
  const [core, ...extensions] = schemasOf(kind);
  if (!core) return undefined;
  const lowered = key.toLowerCase();
  const extension = extensions.find((schema) => schema.id.toLowerCase() === lowered);
  if (extension) return { kind: "extension", schema: extension };
  const qualifier = [core, ...extensions].find((schema) =>
    lowered.startsWith(`${schema.id.toLowerCase()}:`),
  );
  if (qualifier) {
    return { kind: "attribute", schema: qualifier, name: key.slice(qualifier.id.length + 1) };
  }
  return { kind: "attribute", schema: core, name: key };
}

function checkSchemasMember(value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((urn) => typeof urn === "string")) {
    throw badRequest("invalidValue", 'Attribute "schemas" must be an array of URN strings');
  }
}

/** Splits a body into the raw core attributes and the raw object of each extension. */
function groupBySchema(kind: ResourceKind, input: ScimObject, notes: Set<string>) {
  const groups = new Map<SchemaDef, ScimObject>();
  // Null-prototype holders keep a client's "__proto__" key an ordinary (and then dropped) key.
  const groupOf = (schema: SchemaDef) =>
    groups.get(schema) ?? groups.set(schema, Object.create(null) as ScimObject).get(schema);
  for (const [key, value] of Object.entries(input)) {
    if (key.toLowerCase() === "schemas") continue;
    const route = routeTopLevelKey(kind, key);
    const group = route && groupOf(route.schema);
    if (!route || !group) continue;
    if (route.kind === "attribute") {
      if (route.name !== key) notes.add("urn-qualified-key");
      group[route.name] = value;
      continue;
    }
    if (route.schema.id !== key) notes.add("attribute-case");
    if (value === null) continue;
    if (!isScimObject(value)) {
      throw badRequest("invalidValue", `Attribute "${route.schema.id}" must be an object`);
    }
    for (const [name, item] of Object.entries(value)) group[name] = item;
  }
  return groups;
}

/**
 * Canonicalises a client-supplied User or Group body against the schemas: attribute names take
 * the schema's spelling, values are checked and coerced by type, readOnly and unknown attributes
 * are dropped. `schemas` is validated but not kept, since the server writes its own.
 */
const TOP_LEVEL_ATTRIBUTES = new Map<ResourceKind, readonly AttributeDef[]>();

/** The core schema's attributes and the common ones (`id`, `externalId`, `meta`), made once. */
function topLevelAttributes(kind: ResourceKind): readonly AttributeDef[] {
  let attributes = TOP_LEVEL_ATTRIBUTES.get(kind);
  if (!attributes) {
    attributes = [...(schemasOf(kind)[0]?.attributes ?? []), ...COMMON_ATTRIBUTES];
    TOP_LEVEL_ATTRIBUTES.set(kind, attributes);
  }
  return attributes;
}

export function normalizeResource(kind: ResourceKind, input: unknown): NormalizedResource {
  if (!isScimObject(input)) {
    throw badRequest("invalidSyntax", "The request body must be a JSON object");
  }
  checkSchemasMember(readKey(input, "schemas"));

  const notes = new Set<string>();
  const [core, ...extensions] = schemasOf(kind);
  const groups = groupBySchema(kind, input, notes);
  const coreInput = (core && groups.get(core)) ?? {};
  const resource = coerceComplex(topLevelAttributes(kind), coreInput, "", notes);
  for (const extension of extensions) {
    const raw = groups.get(extension);
    if (!raw) continue;
    const value = coerceComplex(extension.attributes, raw, extension.id, notes);
    if (Object.keys(value).length > 0) resource[extension.id] = value;
  }
  return { resource, notes: [...notes] };
}
