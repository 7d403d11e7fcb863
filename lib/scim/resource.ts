import { RESOURCE_TYPES, type ResourceKind } from "./schemas";
import { ENTERPRISE_USER_SCHEMA } from "./urns";

import type { ScimObject } from "./values/types";

export type { ScimObject };

/** A resource as the store keeps it: client attributes plus the server-owned metadata. */
export type StoredResource = {
  id: string;
  attributes: ScimObject;
  createdAt: string;
  lastModified: string;
  version: number;
};

/** A reference in `members` or a user's `groups`, resolved by the store. */
export type ResourceRef = { value: string; display?: string; type: ResourceKind };

/** RFC 7644 §3.14: a weak entity tag that changes with every write to the resource. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

export function locationOf(kind: ResourceKind, id: string, baseUrl: string): string {
  return `${baseUrl}${RESOURCE_TYPES[kind].endpoint}/${id}`;
}

function refOf(ref: ResourceRef, baseUrl: string, includeType: boolean): ScimObject {
  return {
    value: ref.value,
    $ref: locationOf(ref.type, ref.value, baseUrl),
    ...(ref.display === undefined ? {} : { display: ref.display }),
    ...(includeType ? { type: ref.type } : { type: "direct" }),
  };
}

/** The full SCIM representation; attribute projection is applied afterwards. */
export function toScimResource(
  kind: ResourceKind,
  stored: StoredResource,
  refs: ResourceRef[] | undefined,
  baseUrl: string,
): ScimObject {
  const type = RESOURCE_TYPES[kind];
  const { externalId, ...attributes } = stored.attributes;
  const schemas = [type.schema];
  if (kind === "User" && attributes[ENTERPRISE_USER_SCHEMA] !== undefined) {
    schemas.push(ENTERPRISE_USER_SCHEMA);
  }
  const refKey = kind === "User" ? "groups" : "members";
  return {
    schemas,
    id: stored.id,
    ...(externalId === undefined ? {} : { externalId }),
    ...attributes,
    ...(refs ? { [refKey]: refs.map((ref) => refOf(ref, baseUrl, kind === "Group")) } : {}),
    meta: {
      resourceType: type.name,
      created: stored.createdAt,
      lastModified: stored.lastModified,
      location: locationOf(kind, stored.id, baseUrl),
      version: etagOf(stored.version),
    },
  };
}
