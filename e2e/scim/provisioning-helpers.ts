import { expect } from "vitest";
import { scimClient } from "../support/server";

/** Spelled out here rather than imported, so the suites pin the wire contract independently. */
export const URN = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterprise: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  searchRequest: "urn:ietf:params:scim:api:messages:2.0:SearchRequest",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  bulkRequest: "urn:ietf:params:scim:api:messages:2.0:BulkRequest",
  bulkResponse: "urn:ietf:params:scim:api:messages:2.0:BulkResponse",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
} as const;

export type Json = Record<string, unknown>;
export type ScimRequest = ReturnType<typeof scimClient>;
export type ScimResponse = Awaited<ReturnType<ScimRequest>>;

/** One row of an error table: the request, and the RFC 7644 §3.12 answer it must get. */
export type ErrorCase = {
  title: string;
  send: () => Promise<ScimResponse>;
  status: number;
  scimType?: string;
  detail?: RegExp;
  allow?: string;
};

export function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asJson(value: unknown, label = "value"): Json {
  if (!isJson(value))
    throw new Error(`Expected ${label} to be a JSON object, got ${String(value)}`);
  return value;
}

export function asArray(value: unknown, label = "value"): unknown[] {
  if (!Array.isArray(value))
    throw new Error(`Expected ${label} to be an array, got ${String(value)}`);
  return value;
}

export function asString(value: unknown, label = "value"): string {
  if (typeof value !== "string")
    throw new Error(`Expected ${label} to be a string, got ${String(value)}`);
  return value;
}

/** The body of a response, which must be a JSON object. */
export function bodyOf(response: ScimResponse): Json {
  return asJson(response.body, `body of the ${response.status} response`);
}

/** RFC 7644 §3.4.2: `Resources` may be left out when nothing matched. */
export function resourcesOf(response: ScimResponse): Json[] {
  const resources = bodyOf(response).Resources;
  if (resources === undefined) return [];
  return asArray(resources, "Resources").map((item) => asJson(item, "a resource"));
}

export function idOf(resource: unknown): string {
  return asString(asJson(resource).id, "id");
}

export function userNamesOf(response: ScimResponse): string[] {
  return resourcesOf(response).map((resource) => asString(resource.userName, "userName"));
}

export function memberIdsOf(group: Json): string[] {
  const members = group.members === undefined ? [] : asArray(group.members, "members");
  return members.map((member) => asString(asJson(member).value, "members.value")).sort();
}

export function patchOp(...operations: Json[]): Json {
  return { schemas: [URN.patchOp], Operations: operations };
}

/** Filters go on the query string percent-encoded, as every IdP sends them. */
export function filterQuery(filter: string): string {
  return `filter=${encodeURIComponent(filter)}`;
}

/** A SCIM error (RFC 7644 §3.12): the error schema, `status` as a string, no HTML or stack. */
export function expectScimError(response: ScimResponse, status: number, scimType?: string): Json {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type") ?? "").toMatch(/^application\/scim\+json/);
  expect(response.text).not.toMatch(/<html|<!DOCTYPE|\n\s+at\s/i);
  const body = bodyOf(response);
  expect(body.schemas).toEqual([URN.error]);
  expect(body.status).toBe(String(status));
  if (scimType !== undefined) expect(body.scimType).toBe(scimType);
  expect(typeof body.detail).toBe("string");
  return body;
}

export async function expectErrorCase(row: ErrorCase): Promise<void> {
  const response = await row.send();
  const body = expectScimError(response, row.status, row.scimType);
  if (row.detail) expect(body.detail).toMatch(row.detail);
  if (row.allow) expect(response.headers.get("allow")).toBe(row.allow);
}

export async function createUser(request: ScimRequest, body: Json): Promise<Json> {
  const response = await request("POST", "/Users", { schemas: [URN.user], ...body });
  if (response.status !== 201) {
    throw new Error(`POST /Users answered ${response.status}: ${response.text}`);
  }
  return bodyOf(response);
}

export async function createGroup(request: ScimRequest, body: Json): Promise<Json> {
  const response = await request("POST", "/Groups", { schemas: [URN.group], ...body });
  if (response.status !== 201) {
    throw new Error(`POST /Groups answered ${response.status}: ${response.text}`);
  }
  return bodyOf(response);
}

/**
 * RFC 7644 §3.5.2: a successful PATCH answers 200 with the resource or 204 without a body.
 * Either way the ETag names the new version, and a 200 body is exactly what GET then returns.
 */
export async function patchAndRead(request: ScimRequest, path: string, body: Json): Promise<Json> {
  const response = await request("PATCH", path, body);
  expect([200, 204], response.text).toContain(response.status);
  const resource = await getJson(request, path);
  expect(response.headers.get("etag")).toBe(asJson(resource.meta, "meta").version);
  if (response.status === 200) expect(bodyOf(response)).toEqual(resource);
  else expect(response.text).toBe("");
  return resource;
}

export async function getJson(request: ScimRequest, path: string): Promise<Json> {
  const response = await request("GET", path);
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
  return bodyOf(response);
}
