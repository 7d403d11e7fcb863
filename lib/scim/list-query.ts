import { z } from "zod";
import { badRequest } from "./errors";
import type { ResourceKind } from "./schemas";
import { LIST_RESPONSE, SEARCH_REQUEST } from "./urns";

export const PAGE_SIZE_DEFAULT = 100;
export const PAGE_SIZE_MAX = 1000;

export type ListQuery = {
  filter: string | undefined;
  startIndex: number;
  count: number;
  sortBy: string | undefined;
  sortOrder: "ascending" | "descending";
  attributes: string | undefined;
  excludedAttributes: string | undefined;
  /**
   * The resource types a root search spans (RFC 7644 §3.4.2.1), across which an attribute that
   * only some of them define has no value on the others; unset at a type's own endpoint.
   */
  searchedKinds?: readonly ResourceKind[];
};

// RFC 7644 §3.4.2.4: startIndex and count are integers, in a query string or a SearchRequest.
const integer = z
  .union([
    z.number().refine(Number.isInteger, "expected an integer"),
    z
      .string()
      .trim()
      .regex(/^[+-]?\d+$/),
  ])
  .transform(Number);
// A larger one would be answered as another number than the one sent: 2^63 − 1 reads as 2^63.
const startIndex = integer.pipe(
  z.number().max(Number.MAX_SAFE_INTEGER, `expected at most ${Number.MAX_SAFE_INTEGER}`),
);
const attributeList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value.join(",") : value));

const listQuerySchema = z.object({
  filter: z.string().optional(),
  startindex: startIndex.optional(),
  count: integer.optional(),
  sortby: z.string().optional(),
  sortorder: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(["ascending", "descending"]))
    .optional(),
  attributes: attributeList.optional(),
  excludedattributes: attributeList.optional(),
});

function lowerKeys(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key.toLowerCase(), value]),
  );
}

/**
 * RFC 7644 §3.4.2.4: startIndex below 1 is read as 1, and a count above the maximum is capped
 * rather than refused. Parameter names are matched case-insensitively, as clients vary.
 */
function toListQuery(input: Record<string, unknown>): ListQuery {
  const parsed = listQuerySchema.safeParse(lowerKeys(input));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "query";
    throw badRequest("invalidValue", `Invalid list parameter "${name}": ${issue?.message ?? ""}`);
  }
  const query = parsed.data;
  return {
    filter: query.filter?.trim() ? query.filter : undefined,
    startIndex: Math.max(1, query.startindex ?? 1),
    count: Math.min(PAGE_SIZE_MAX, Math.max(0, query.count ?? PAGE_SIZE_DEFAULT)),
    sortBy: query.sortby?.trim() || undefined,
    sortOrder: query.sortorder ?? "ascending",
    attributes: query.attributes,
    excludedAttributes: query.excludedattributes,
  };
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  return toListQuery(Object.fromEntries(params.entries()));
}

/** RFC 7644 §3.4.3: the body of `POST .search`. */
export function parseSearchRequest(body: unknown): ListQuery {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("invalidSyntax", "A SearchRequest body must be a JSON object");
  }
  const { schemas, ...rest } = body as Record<string, unknown>;
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.includes(SEARCH_REQUEST))) {
    throw badRequest("invalidSyntax", `A SearchRequest must list the schema "${SEARCH_REQUEST}"`);
  }
  return toListQuery(rest);
}

export function toListResponse<T>(totalResults: number, startIndex: number, resources: T[]) {
  return {
    schemas: [LIST_RESPONSE],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
