import {
  parseListQuery,
  parseSearchRequest,
  toListResponse,
  type ListQuery,
} from "@/lib/scim/list-query";
import {
  applyProjection,
  includesAttribute,
  parseProjection,
  type Projection,
} from "@/lib/scim/projection";
import {
  etagOf,
  locationOf,
  toScimResource,
  type ResourceRef,
  type StoredResource,
} from "@/lib/scim/resource";
import type { ResourceKind } from "@/lib/scim/schemas";
import { getGroup, listGroups } from "@/lib/provisioning/group-reads";
import {
  createGroup,
  deleteGroup,
  patchGroup,
  replaceGroup,
} from "@/lib/provisioning/group-writes";
import { matchesEtag } from "@/lib/provisioning/preconditions";
import { getUser, listUsers } from "@/lib/provisioning/user-reads";
import {
  createUser,
  deleteUser,
  patchUser,
  prehashPatchPassword,
  replaceUser,
  type PrehashedPassword,
} from "@/lib/provisioning/user-writes";
import { isForeignKeyViolation } from "@/db/dialect";
import { findDirectory } from "@/lib/directories/directories";
import { ScimError } from "@/lib/scim/errors";
import type { ScimRequest } from "./context";
import type { ScimResult } from "./respond";

type Item = { stored: StoredResource; refs: ResourceRef[] | undefined };

const REF_ATTRIBUTE: Record<ResourceKind, string> = { User: "groups", Group: "members" };

/** Whether a type's resources must be read with their groups or members for `projection`. */
export function needsRefs(kind: ResourceKind, projection: Projection): boolean {
  return includesAttribute(projection, REF_ATTRIBUTE[kind]);
}

export function projectionOf(kind: ResourceKind, params: URLSearchParams | ListQuery): Projection {
  const attributes =
    params instanceof URLSearchParams ? params.get("attributes") : params.attributes;
  const excluded =
    params instanceof URLSearchParams
      ? params.get("excludedAttributes")
      : params.excludedAttributes;
  return parseProjection(kind, attributes ?? undefined, excluded ?? undefined);
}

export function render(req: ScimRequest, kind: ResourceKind, item: Item, projection: Projection) {
  return applyProjection(toScimResource(kind, item.stored, item.refs, req.baseUrl), projection);
}

function resourceResult(
  req: ScimRequest,
  kind: ResourceKind,
  item: Item,
  status = 200,
): ScimResult {
  const headers: Record<string, string> = { ETag: etagOf(item.stored.version) };
  if (status === 201) headers.Location = locationOf(kind, item.stored.id, req.baseUrl);
  return { status, body: render(req, kind, item, projectionOf(kind, req.params)), headers };
}

export function getResource(req: ScimRequest, kind: ResourceKind, id: string): ScimResult {
  const projection = projectionOf(kind, req.params);
  const withRefs = needsRefs(kind, projection);
  const read = (kind === "User" ? getUser : getGroup)(req.db, req.directoryId, id, withRefs);
  // Versions move on with the other side of a membership too (migration 0009): never a stale 304.
  if (req.ifNoneMatch && matchesEtag(req.ifNoneMatch, read.stored.version)) {
    return { status: 304, headers: { ETag: etagOf(read.stored.version) } };
  }
  const headers = { ETag: etagOf(read.stored.version) };
  return { status: 200, body: render(req, kind, read, projection), headers };
}

export function listResources(req: ScimRequest, kind: ResourceKind, query: ListQuery): ScimResult {
  const projection = projectionOf(kind, query);
  const withRefs = needsRefs(kind, projection);
  const page = (kind === "User" ? listUsers : listGroups)(req.db, req.directoryId, query, withRefs);
  for (const note of page.notes) req.notes.add(note);
  const resources = page.items.map((item) => render(req, kind, item, projection));
  return { status: 200, body: toListResponse(page.totalResults, query.startIndex, resources) };
}

export function listFromQuery(req: ScimRequest, kind: ResourceKind): ScimResult {
  return listResources(req, kind, parseListQuery(req.params));
}

export function searchResources(req: ScimRequest, kind: ResourceKind): ScimResult {
  return listResources(req, kind, parseSearchRequest(req.body));
}

function writeOptions(req: ScimRequest) {
  return { ifMatch: req.ifMatch, change: { requestId: req.requestId, tokenId: req.tokenId } };
}

/** Remembers the resource for the sync log's "resources touched". */
function touch(req: ScimRequest, kind: ResourceKind, stored: StoredResource): void {
  const label = stored.attributes[kind === "User" ? "userName" : "displayName"];
  req.touched.push({ type: kind, id: stored.id, label: typeof label === "string" ? label : null });
}

function noted<T extends { notes: string[]; stored: StoredResource }>(
  req: ScimRequest,
  kind: ResourceKind,
  write: T,
): T {
  for (const note of write.notes) req.notes.add(note);
  touch(req, kind, write.stored);
  return write;
}

/**
 * A directory deleted while a create for it was in flight leaves the insert nothing to refer to;
 * the request is refused as its token now is, rather than failing as the server's fault.
 */
function refuseIfDirectoryGone(req: ScimRequest, error: unknown): never {
  if (isForeignKeyViolation(error) && !findDirectory(req.db, req.directoryId)) {
    throw new ScimError(401, "The bearer token is unknown or revoked");
  }
  throw error;
}

export async function createResource(req: ScimRequest, kind: ResourceKind): Promise<ScimResult> {
  try {
    return await createOf(req, kind);
  } catch (error) {
    refuseIfDirectoryGone(req, error);
  }
}

async function createOf(req: ScimRequest, kind: ResourceKind): Promise<ScimResult> {
  if (kind === "User") {
    const write = noted(
      req,
      kind,
      await createUser(req.db, req.directoryId, req.body, writeOptions(req)),
    );
    return resourceResult(req, kind, write, 201);
  }
  const write = noted(req, kind, createGroup(req.db, req.directoryId, req.body, writeOptions(req)));
  return resourceResult(req, kind, write, 201);
}

export async function replaceResource(
  req: ScimRequest,
  kind: ResourceKind,
  id: string,
): Promise<ScimResult> {
  const options = writeOptions(req);
  if (kind === "User") {
    const write = noted(
      req,
      kind,
      await replaceUser(req.db, req.directoryId, id, req.body, options),
    );
    return resourceResult(req, kind, write);
  }
  const write = noted(req, kind, replaceGroup(req.db, req.directoryId, id, req.body, options));
  return resourceResult(req, kind, write);
}

/**
 * RFC 7644 §3.5.2 allows 200 with the resource or 204. Group PATCHes answer 204 unless the client
 * asks for attributes, so adding one member to a 50,000-member group never reads them all. User
 * PATCHes answer 204 to Entra, whose validator expects it, and the updated user to the others.
 */
export function patchResource(
  req: ScimRequest,
  kind: ResourceKind,
  id: string,
): ScimResult | Promise<ScimResult> {
  const options = writeOptions(req);
  const wantsBody = req.params.has("attributes") || req.params.has("excludedAttributes");
  const projection = projectionOf(kind, req.params);
  if (kind === "User") {
    const isNoContent = req.provider === "entra" && !wantsBody;
    const withGroups = !isNoContent && includesAttribute(projection, "groups");
    const patch = (prehashed?: PrehashedPassword): ScimResult => {
      const write = noted(
        req,
        kind,
        patchUser(req.db, req.directoryId, id, req.body, { ...options, withGroups, prehashed }),
      );
      if (isNoContent) return { status: 204, headers: { ETag: etagOf(write.stored.version) } };
      return resourceResult(req, kind, write);
    };
    const prehashing = prehashPatchPassword(req.body);
    return prehashing ? prehashing.then(patch) : patch();
  }
  const withMembers = wantsBody && includesAttribute(projection, "members");
  const write = noted(
    req,
    kind,
    patchGroup(req.db, req.directoryId, id, req.body, { ...options, withMembers }),
  );
  if (!wantsBody) return { status: 204, headers: { ETag: etagOf(write.stored.version) } };
  return resourceResult(req, kind, write);
}

export function deleteResource(req: ScimRequest, kind: ResourceKind, id: string): ScimResult {
  const options = writeOptions(req);
  const deleted =
    kind === "User"
      ? deleteUser(req.db, req.directoryId, id, options)
      : deleteGroup(req.db, req.directoryId, id, options);
  touch(req, kind, deleted);
  return { status: 204 };
}
