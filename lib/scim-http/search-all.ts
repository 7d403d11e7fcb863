import { ScimError } from "@/lib/scim/errors";
import { parseSearchRequest, toListResponse, type ListQuery } from "@/lib/scim/list-query";
import type { ResourceKind } from "@/lib/scim/schemas";
import type { ScimRequest } from "./context";
import type { ScimResult } from "./respond";
import { listResources } from "./resources";

type ListBody = { totalResults: number; Resources: unknown[] };

/**
 * RFC 7644 §3.4.3: a search at the root spans every resource type. Users come first, then
 * groups; a type on which the filter names an unknown attribute simply contributes nothing.
 */
export function searchAll(req: ScimRequest): ScimResult {
  const query = parseSearchRequest(req.body);
  const kinds: ResourceKind[] = ["User", "Group"];
  const totals = kinds.map((kind) => countOf(req, kind, query));
  if (totals.every((total) => total instanceof ScimError)) throw totals[0];
  const resources: unknown[] = [];
  let skip = query.startIndex - 1;
  let grandTotal = 0;
  kinds.forEach((kind, index) => {
    const total = totals[index];
    if (total === undefined || total instanceof ScimError) return;
    grandTotal += total;
    const wanted = query.count - resources.length;
    if (skip >= total) {
      skip -= total;
      return;
    }
    if (wanted > 0) {
      const page = listBody(req, kind, { ...query, startIndex: skip + 1, count: wanted });
      resources.push(...page.Resources);
    }
    skip = 0;
  });
  return { status: 200, body: toListResponse(grandTotal, query.startIndex, resources) };
}

function listBody(req: ScimRequest, kind: ResourceKind, query: ListQuery): ListBody {
  return listResources(req, kind, query).body as ListBody;
}

function countOf(req: ScimRequest, kind: ResourceKind, query: ListQuery): number | ScimError {
  try {
    return listBody(req, kind, { ...query, count: 0 }).totalResults;
  } catch (error) {
    if (error instanceof ScimError && error.scimType === "invalidFilter") return error;
    throw error;
  }
}
