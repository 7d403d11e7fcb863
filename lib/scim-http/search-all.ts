import { parseSearchRequest, toListResponse, type ListQuery } from "@/lib/scim/list-query";
import type { ResourceKind } from "@/lib/scim/schemas";
import type { ScimRequest } from "./context";
import type { ScimResult } from "./respond";
import { listResources } from "./resources";

type ListBody = { totalResults: number; Resources: unknown[] };

const ROOT_KINDS: readonly ResourceKind[] = ["User", "Group"];

/** RFC 7644 §3.4.3: a search at the root spans every resource type: users, then groups. */
export function searchAll(req: ScimRequest): ScimResult {
  const query: ListQuery = { ...parseSearchRequest(req.body), searchedKinds: ROOT_KINDS };
  const totals = ROOT_KINDS.map((kind) => listBody(req, kind, { ...query, count: 0 }).totalResults);
  const resources: unknown[] = [];
  let skip = query.startIndex - 1;
  ROOT_KINDS.forEach((kind, index) => {
    const total = totals[index] ?? 0;
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
  const grandTotal = totals.reduce((sum, total) => sum + total, 0);
  return { status: 200, body: toListResponse(grandTotal, query.startIndex, resources) };
}

function listBody(req: ScimRequest, kind: ResourceKind, query: ListQuery): ListBody {
  return listResources(req, kind, query).body as ListBody;
}
