import { listRootPage } from "@/lib/provisioning/root-search";
import { parseSearchRequest, toListResponse } from "@/lib/scim/list-query";
import type { Projection } from "@/lib/scim/projection";
import type { ResourceKind } from "@/lib/scim/schemas";
import type { ScimRequest } from "./context";
import type { ScimResult } from "./respond";
import { needsRefs, projectionOf, render } from "./resources";

/** RFC 7644 §3.4.3: a search at the root spans every resource type. */
export function searchAll(req: ScimRequest): ScimResult {
  const query = parseSearchRequest(req.body);
  const projections: Record<ResourceKind, Projection> = {
    User: projectionOf("User", query),
    Group: projectionOf("Group", query),
  };
  const withRefs = (kind: ResourceKind) => needsRefs(kind, projections[kind]);
  const page = listRootPage(req.db, req.directoryId, query, withRefs);
  for (const note of page.notes) req.notes.add(note);
  const resources = page.items.map((item) => render(req, item.kind, item, projections[item.kind]));
  return { status: 200, body: toListResponse(page.totalResults, query.startIndex, resources) };
}
