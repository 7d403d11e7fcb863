import { z } from "zod";
import { badRequest, ScimError, toErrorBody } from "@/lib/scim/errors";
import { BULK_OPERATIONS_MAX } from "@/lib/scim/discovery";
import { BULK_REQUEST, BULK_RESPONSE } from "@/lib/scim/urns";
import { log } from "@/lib/log";
import type { ScimRequest } from "./context";
import { dispatch } from "./dispatch";
import type { ScimResult } from "./respond";

const operationSchema = z.object({
  method: z
    .string()
    .transform((method) => method.toUpperCase())
    .pipe(z.enum(["POST", "PUT", "PATCH", "DELETE"])),
  path: z.string().min(1),
  bulkId: z.string().min(1).optional(),
  version: z.string().optional(),
  data: z.unknown().optional(),
});

const bulkSchema = z.object({
  schemas: z.array(z.string()).refine((urns) => urns.includes(BULK_REQUEST), {
    message: `schemas must include ${BULK_REQUEST}`,
  }),
  failOnErrors: z.number().int().min(1).optional(),
  Operations: z.array(z.unknown()).min(1, "Operations must not be empty"),
});

type Operation = z.infer<typeof operationSchema>;

function parseBulk(body: unknown) {
  const parsed = bulkSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(
      "invalidSyntax",
      `Invalid BulkRequest: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    );
  }
  if (parsed.data.Operations.length > BULK_OPERATIONS_MAX) {
    throw new ScimError(413, `A BulkRequest may hold at most ${BULK_OPERATIONS_MAX} operations`);
  }
  return parsed.data;
}

/** RFC 7644 §3.7.2: `bulkId:x` anywhere in a path or body stands for the id created as x. */
function resolveBulkIds(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === "string" && value.startsWith("bulkId:")) {
    const id = ids.get(value.slice("bulkId:".length));
    if (id === undefined)
      throw new ScimError(409, `"${value}" refers to no earlier operation`, "invalidValue");
    return id;
  }
  if (Array.isArray(value)) return value.map((item) => resolveBulkIds(item, ids));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveBulkIds(item, ids)]),
    );
  }
  return value;
}

async function runOperation(req: ScimRequest, raw: unknown, ids: Map<string, string>) {
  const parsed = operationSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    return {
      operation: undefined,
      result: errorOf(badRequest("invalidSyntax", `Invalid operation: ${detail}`)),
    };
  }
  const operation = parsed.data;
  if (operation.method === "POST" && !operation.bulkId) {
    return {
      operation,
      result: errorOf(badRequest("invalidValue", "POST operations need a bulkId")),
    };
  }
  try {
    const path = operation.path
      .split("/")
      .map((segment) => resolveBulkIds(segment, ids))
      .join("/");
    const url = new URL(path.replace(/^\/+/, "/"), "http://bulk.invalid");
    if (/^\/bulk\/?$/i.test(url.pathname))
      throw badRequest("invalidPath", "Bulk requests cannot nest");
    const result = await dispatch({
      ...req,
      method: operation.method,
      segments: url.pathname.split("/").filter(Boolean).map(decodeURIComponent),
      params: url.searchParams,
      body: resolveBulkIds(operation.data, ids),
      ifMatch: operation.version,
      ifNoneMatch: undefined,
    });
    // RFC 7644 §3.7.3: every operation but a failed POST names its resource's URI.
    const location = operation.method === "POST" ? undefined : `${req.baseUrl}${url.pathname}`;
    return { operation, result, location };
  } catch (error) {
    if (error instanceof ScimError) return { operation, result: errorOf(error) };
    log.error({ err: error }, "scim.bulk_operation_failed");
    return {
      operation,
      result: errorOf(new ScimError(500, "The operation could not be completed")),
    };
  }
}

function errorOf(error: ScimError): ScimResult {
  return { status: error.status, body: toErrorBody(error) };
}

function responseOf(operation: Operation | undefined, result: ScimResult, target?: string) {
  const location = result.headers?.Location ?? target;
  const version = result.headers?.ETag;
  return {
    method: operation?.method ?? "POST",
    ...(operation?.bulkId ? { bulkId: operation.bulkId } : {}),
    ...(version ? { version } : {}),
    ...(location ? { location } : {}),
    status: String(result.status),
    ...(result.status >= 400 ? { response: result.body } : {}),
  };
}

/** Runs operations in order, each in its own transaction, stopping after `failOnErrors`. */
export async function runBulk(req: ScimRequest): Promise<ScimResult> {
  const bulk = parseBulk(req.body);
  const ids = new Map<string, string>();
  const responses: ReturnType<typeof responseOf>[] = [];
  let errors = 0;
  for (const raw of bulk.Operations) {
    const { operation, result, location } = await runOperation(req, raw, ids);
    const id = (result.body as { id?: unknown } | undefined)?.id;
    if (operation?.bulkId && result.status === 201 && typeof id === "string")
      ids.set(operation.bulkId, id);
    responses.push(responseOf(operation, result, location));
    if (result.status >= 400) errors += 1;
    if (bulk.failOnErrors !== undefined && errors >= bulk.failOnErrors) break;
  }
  return { status: 200, body: { schemas: [BULK_RESPONSE], Operations: responses } };
}
