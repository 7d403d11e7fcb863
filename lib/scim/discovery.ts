import { notFound, ScimError } from "./errors";
import { PAGE_SIZE_MAX, toListResponse } from "./list-query";
import { RESOURCE_TYPES, SCHEMAS, findSchema } from "./schemas";
import { RESOURCE_TYPE_SCHEMA, SCHEMA_SCHEMA, SERVICE_PROVIDER_CONFIG_SCHEMA } from "./urns";

export const BULK_OPERATIONS_MAX = 1000;
export const BULK_PAYLOAD_BYTES_MAX = 1_048_576;
export const FILTER_RESULTS_MAX = PAGE_SIZE_MAX;

/** RFC 7643 §5: what this service provider supports, and the limits it enforces. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: {
      supported: true,
      maxOperations: BULK_OPERATIONS_MAX,
      maxPayloadSize: BULK_PAYLOAD_BYTES_MAX,
    },
    filter: { supported: true, maxResults: FILTER_RESULTS_MAX },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "A per-directory bearer token, sent in the Authorization header.",
        primary: true,
      },
    ],
    meta: {
      resourceType: "ServiceProviderConfig",
      location: `${baseUrl}/ServiceProviderConfig`,
    },
  };
}

function resourceTypeResource(id: keyof typeof RESOURCE_TYPES, baseUrl: string) {
  const type = RESOURCE_TYPES[id];
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    ...type,
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${type.id}` },
  };
}

function schemaResource(schema: (typeof SCHEMAS)[number], baseUrl: string) {
  return {
    schemas: [SCHEMA_SCHEMA],
    ...schema,
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${schema.id}` },
  };
}

/** RFC 7644 §4: a filter sent to a discovery endpoint is answered with 403 Forbidden. */
function refuseFilter(params: URLSearchParams): void {
  if (params.has("filter")) throw new ScimError(403, "Discovery endpoints do not support filter");
}

export function listResourceTypes(baseUrl: string, params: URLSearchParams) {
  refuseFilter(params);
  const resources = (["User", "Group"] as const).map((id) => resourceTypeResource(id, baseUrl));
  return toListResponse(resources.length, 1, resources);
}

export function getResourceType(id: string, baseUrl: string) {
  const match = (["User", "Group"] as const).find((key) => key.toLowerCase() === id.toLowerCase());
  if (!match) throw notFound(`Resource type "${id}" not found`);
  return resourceTypeResource(match, baseUrl);
}

export function listSchemas(baseUrl: string, params: URLSearchParams) {
  refuseFilter(params);
  const resources = SCHEMAS.map((schema) => schemaResource(schema, baseUrl));
  return toListResponse(resources.length, 1, resources);
}

export function getSchema(id: string, baseUrl: string) {
  const schema = findSchema(id);
  if (!schema) throw notFound(`Schema "${id}" not found`);
  return schemaResource(schema, baseUrl);
}
