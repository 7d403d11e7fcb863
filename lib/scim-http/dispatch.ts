import { ScimError, notFound } from "@/lib/scim/errors";
import {
  getResourceType,
  getSchema,
  listResourceTypes,
  listSchemas,
  serviceProviderConfig,
} from "@/lib/scim/discovery";
import type { ResourceKind } from "@/lib/scim/schemas";
import { runBulk } from "./bulk";
import type { ScimRequest } from "./context";
import type { ScimResult } from "./respond";
import {
  createResource,
  deleteResource,
  getResource,
  listFromQuery,
  patchResource,
  replaceResource,
  searchResources,
} from "./resources";
import { searchAll } from "./search-all";

/** A 405 that carries the methods for the Allow header (RFC 9110 §15.5.6). */
export class MethodNotAllowed extends ScimError {
  readonly allow: string;

  constructor(method: string, allow: string) {
    super(405, `${method} is not supported here; use ${allow}`);
    this.allow = allow;
  }
}

export type Handler = (req: ScimRequest) => ScimResult | Promise<ScimResult>;
type MethodTable = Partial<Record<string, Handler>>;

/** A resource type's path segment, in any case, as clients send it. */
export const RESOURCE_SEGMENTS: Record<string, ResourceKind> = { users: "User", groups: "Group" };
const CANONICAL_SEGMENTS = new Set([
  "Users",
  "Groups",
  "ServiceProviderConfig",
  "ResourceTypes",
  "Schemas",
  "Bulk",
]);

const ok = (body: unknown): ScimResult => ({ status: 200, body });

/** The methods each path accepts; anything else is a 405 listing them. */
function routeOf(segments: string[]): MethodTable | undefined {
  const [first = "", second, ...rest] = segments;
  if (rest.length > 0) return undefined;
  const head = first.toLowerCase();
  const kind = RESOURCE_SEGMENTS[head];
  if (kind && second === undefined) {
    return { GET: (req) => listFromQuery(req, kind), POST: (req) => createResource(req, kind) };
  }
  if (kind && second === ".search") return { POST: (req) => searchResources(req, kind) };
  if (kind && second !== undefined) {
    return {
      GET: (req) => getResource(req, kind, second),
      PUT: (req) => replaceResource(req, kind, second),
      PATCH: (req) => patchResource(req, kind, second),
      DELETE: (req) => deleteResource(req, kind, second),
    };
  }
  return discoveryRouteOf(head, second);
}

function discoveryRouteOf(head: string, second: string | undefined): MethodTable | undefined {
  switch (head) {
    case "":
      return undefined;
    case ".search":
      return second === undefined ? { POST: (req) => searchAll(req) } : undefined;
    // Microsoft's reference service names the endpoint serviceConfiguration; its tests do too.
    case "serviceproviderconfig":
    case "serviceproviderconfigs":
    case "serviceconfiguration":
      return second === undefined
        ? { GET: (req) => ok(serviceProviderConfig(req.baseUrl)) }
        : undefined;
    case "resourcetypes":
      return {
        GET: (req) =>
          ok(
            second
              ? getResourceType(second, req.baseUrl)
              : listResourceTypes(req.baseUrl, req.params),
          ),
      };
    case "schemas":
      return {
        GET: (req) =>
          ok(second ? getSchema(second, req.baseUrl) : listSchemas(req.baseUrl, req.params)),
      };
    case "bulk":
      return second === undefined ? { POST: (req) => runBulk(req) } : undefined;
    default:
      return undefined;
  }
}

/** Whether the route needs a JSON body read before dispatch. */
export function expectsBody(method: string): boolean {
  return method === "POST" || method === "PUT" || method === "PATCH";
}

/** The handler for one operation; throws ScimError for unknown paths and unsupported methods. */
export function handlerOf(req: ScimRequest): Handler {
  const route = routeOf(req.segments);
  if (!route) throw notFound(`No SCIM endpoint at "/${req.segments.join("/")}"`);
  const first = req.segments[0];
  if (first && !CANONICAL_SEGMENTS.has(first) && first !== ".search") req.notes.add("path-case");
  // RFC 9110 §9.3.2: HEAD is GET without the body, which the HTTP server leaves out.
  const handler = route[req.method] ?? (req.method === "HEAD" ? route.GET : undefined);
  if (!handler) {
    const methods = Object.keys(route);
    const allowed = (route.GET ? [...methods, "HEAD"] : methods).join(", ");
    throw new MethodNotAllowed(req.method, allowed);
  }
  return handler;
}

/** Routes one operation and runs it. */
export function dispatch(req: ScimRequest): ScimResult | Promise<ScimResult> {
  return handlerOf(req)(req);
}
