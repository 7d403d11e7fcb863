import type { AttrPath } from "../filter/ast";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "../urns";
import { attr, complex } from "./define";
import { ENTERPRISE_USER_SCHEMA_DEF } from "./enterprise-user";
import { GROUP_SCHEMA_DEF } from "./group";
import type { AttributeDef, ResourceTypeDef, SchemaDef } from "./types";
import { USER_SCHEMA_DEF } from "./user";

export type { AttributeDef, ResourceTypeDef, SchemaDef } from "./types";

export type ResourceKind = "User" | "Group";

export const SCHEMAS: SchemaDef[] = [USER_SCHEMA_DEF, ENTERPRISE_USER_SCHEMA_DEF, GROUP_SCHEMA_DEF];

export const RESOURCE_TYPES: Record<ResourceKind, ResourceTypeDef> = {
  User: {
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "User Account",
    schema: USER_SCHEMA,
    schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
  },
  Group: {
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "Group",
    schema: GROUP_SCHEMA,
    schemaExtensions: [],
  },
};

/** RFC 7643 §3.1: attributes every resource carries, outside any one schema. */
export const COMMON_ATTRIBUTES: AttributeDef[] = [
  attr("id", "string", "The service provider's unique identifier for the resource.", {
    caseExact: true,
    mutability: "readOnly",
    returned: "always",
    uniqueness: "server",
  }),
  attr("externalId", "string", "The provisioning client's identifier for the resource.", {
    caseExact: true,
  }),
  complex(
    "meta",
    "Resource metadata.",
    [
      attr("resourceType", "string", "The name of the resource type.", { caseExact: true }),
      attr("created", "dateTime", "When the resource was added to the service provider."),
      attr("lastModified", "dateTime", "When the resource was last updated."),
      attr("location", "reference", "The URI of the resource.", { caseExact: true }),
      attr("version", "string", "The version (entity tag) of the resource.", { caseExact: true }),
    ],
    { mutability: "readOnly" },
  ),
];

const SCHEMA_BY_URN = new Map(SCHEMAS.map((schema) => [schema.id.toLowerCase(), schema]));

export function findSchema(urn: string): SchemaDef | undefined {
  return SCHEMA_BY_URN.get(urn.toLowerCase());
}

const SCHEMAS_OF_KIND = new Map<ResourceKind, readonly SchemaDef[]>();

/** The schemas a resource kind may carry, core first. Asked several times a request; made once. */
export function schemasOf(kind: ResourceKind): readonly SchemaDef[] {
  let schemas = SCHEMAS_OF_KIND.get(kind);
  if (!schemas) {
    const type = RESOURCE_TYPES[kind];
    schemas = [type.schema, ...type.schemaExtensions.map((ext) => ext.schema)].flatMap(
      (urn) => findSchema(urn) ?? [],
    );
    SCHEMAS_OF_KIND.set(kind, schemas);
  }
  return schemas;
}

/** Each attribute list by lower-case name, built on first use: the lists never change. */
const ATTRIBUTES_BY_NAME = new WeakMap<readonly AttributeDef[], Map<string, AttributeDef>>();

export function findAttribute(
  attributes: readonly AttributeDef[],
  name: string,
): AttributeDef | undefined {
  if (attributes.length === 0) return undefined;
  let byName = ATTRIBUTES_BY_NAME.get(attributes);
  if (!byName) {
    byName = new Map();
    for (const attribute of attributes) {
      const key = attribute.name.toLowerCase();
      if (!byName.has(key)) byName.set(key, attribute);
    }
    ATTRIBUTES_BY_NAME.set(attributes, byName);
  }
  return byName.get(name.toLowerCase());
}

export type ResolvedAttribute = {
  /** The schema URN holding the attribute; undefined for common attributes such as `id`. */
  schema: string | undefined;
  /** Whether the attribute lives in an extension object rather than at the top level. */
  isExtension: boolean;
  def: AttributeDef;
  sub?: AttributeDef;
};

/**
 * Resolves a path against a resource kind's schemas. RFC 7644 §3.10: names are case-insensitive,
 * and an unqualified name belongs to the core schema or a common attribute.
 */
export function resolveAttribute(
  kind: ResourceKind,
  path: AttrPath,
): ResolvedAttribute | undefined {
  const schemas = schemasOf(kind);
  const core = schemas[0];
  const schema = path.uri
    ? schemas.find((s) => s.id.toLowerCase() === path.uri?.toLowerCase())
    : core;
  if (!schema || !core) return undefined;
  const isExtension = schema !== core;
  const def =
    findAttribute(schema.attributes, path.name) ??
    (isExtension ? undefined : findAttribute(COMMON_ATTRIBUTES, path.name));
  if (!def) return undefined;
  const schemaUrn = COMMON_ATTRIBUTES.includes(def) ? undefined : schema.id;
  if (!path.subAttr) return { schema: schemaUrn, isExtension, def };
  const sub = findAttribute(def.subAttributes ?? [], path.subAttr);
  return sub ? { schema: schemaUrn, isExtension, def, sub } : undefined;
}
