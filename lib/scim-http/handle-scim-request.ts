import { getDb } from "@/db/client";
import { afterOpenBatch, batchedWrite } from "@/db/write-batch";
import { authenticate, findRevokedToken, type Authenticated } from "@/lib/directories/tokens";
import { publicOrigin } from "@/lib/http/public-origin";
import { log, logRequest } from "@/lib/log";
import { isSyncLogEnabled, newRequestId, recordRequest } from "@/lib/sync-log/record-request";
import { BULK_PAYLOAD_BYTES_MAX } from "@/lib/scim/discovery";
import { ScimError } from "@/lib/scim/errors";
import type { ScimRequest, TouchedResource } from "./context";
import { expectsBody, handlerOf, MethodNotAllowed } from "./dispatch";
import { DEFAULT_RATE_PER_SECOND, takeRequest } from "./rate-limit";
import { parseJsonBody, readBodyText } from "./read-body";
import {
  errorResult,
  internalErrorResult,
  serializeBody,
  toResponse,
  type ScimResult,
} from "./respond";

export const SCIM_PREFIX = "/scim/v2";
const BODY_BYTES_MAX = 4 * 1_048_576;
const REALM = 'Bearer realm="Roster SCIM"';

function bearerSecret(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function authenticateRequest(request: Request, exchange: Exchange): Authenticated {
  const secret = bearerSecret(request);
  if (!secret) throw new ScimError(401, "Send a bearer token in the Authorization header");
  const auth = authenticate(getDb(), secret);
  if (auth) return auth;
  // An IdP still sending a revoked token is refused, and the admin sees it in that directory.
  exchange.refused = findRevokedToken(getDb(), secret);
  throw new ScimError(401, "The bearer token is unknown or revoked");
}

function segmentsOf(url: URL): string[] {
  const rest = url.pathname.slice(SCIM_PREFIX.length);
  return rest
    .split("/")
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment));
}

/** What the sync log needs to know about a request, filled in as serving goes along. */
type Exchange = {
  id: string;
  auth: Authenticated | undefined;
  /** The revoked token a refused request carried. */
  refused?: Pick<Authenticated, "tokenId" | "tokenName" | "directoryId">;
  rawBody: string | undefined;
  body: unknown;
  notes: Set<string>;
  touched: TouchedResource[];
};

/** Synchronous up to the body read, so that a GET costs no promise beyond the handler's own. */
function serve(request: Request, url: URL, exchange: Exchange): ScimResult | Promise<ScimResult> {
  const auth = authenticateRequest(request, exchange);
  exchange.auth = auth;
  const retryAfter = takeRequest(auth.tokenId, auth.rateLimitPerSecond ?? DEFAULT_RATE_PER_SECOND);
  if (retryAfter > 0) {
    const error = new ScimError(429, `Too many requests; retry after ${retryAfter} s`);
    return errorResult(error, { "Retry-After": String(retryAfter) });
  }
  const segments = segmentsOf(url);
  const method = request.method.toUpperCase();
  const operation = (body: unknown): ScimRequest => ({
    db: getDb(),
    directoryId: auth.directoryId,
    provider: auth.provider,
    requestId: exchange.id,
    tokenId: auth.tokenId,
    baseUrl: `${publicOrigin(request, url)}${SCIM_PREFIX}`,
    method,
    segments,
    params: url.searchParams,
    body,
    ifMatch: request.headers.get("if-match") ?? undefined,
    ifNoneMatch: request.headers.get("if-none-match") ?? undefined,
    notes: exchange.notes,
    touched: exchange.touched,
  });
  const run = (body: unknown) => {
    const req = operation(body);
    // Routed first, so that an unknown path or method never opens a write batch.
    const handler = handlerOf(req);
    if (isWrite(method, segments)) return batchedWrite(getDb().$client, () => handler(req));
    return afterOpenBatch(handler(req));
  };
  if (!expectsBody(method)) return run(undefined);
  const isBulk = segments[0]?.toLowerCase() === "bulk";
  const maxBytes = isBulk ? BULK_PAYLOAD_BYTES_MAX : BODY_BYTES_MAX;
  return readBodyText(request, maxBytes).then((rawBody) => {
    exchange.rawBody = rawBody;
    exchange.body = parseJsonBody(rawBody);
    return run(exchange.body);
  });
}

/** POST, PUT, PATCH and DELETE change resources, except a search sent as POST. */
function isWrite(method: string, segments: string[]): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  return segments.at(-1)?.toLowerCase() !== ".search";
}

function resultOfError(error: unknown): ScimResult {
  if (error instanceof MethodNotAllowed) return errorResult(error, { Allow: error.allow });
  if (error instanceof ScimError && error.status === 401) {
    return errorResult(error, { "WWW-Authenticate": REALM });
  }
  if (error instanceof ScimError) return errorResult(error);
  log.error({ err: error }, "scim.unhandled_error");
  return internalErrorResult();
}

function scimTypeOf(result: ScimResult): string | undefined {
  const body = result.body as { scimType?: unknown } | undefined;
  return result.status >= 400 && typeof body?.scimType === "string" ? body.scimType : undefined;
}

/** A failure to write the sync log is logged, never turned into a failed provisioning call. */
function recordExchange(
  request: Request,
  url: URL,
  exchange: Exchange,
  result: ScimResult,
  text: string | undefined,
  durationMs: number,
) {
  if (!isSyncLogEnabled()) return;
  const token = exchange.auth ?? exchange.refused;
  try {
    recordRequest(getDb(), {
      id: exchange.id,
      directoryId: token?.directoryId,
      tokenId: token?.tokenId,
      tokenName: token?.tokenName,
      method: request.method.toUpperCase(),
      url,
      headers: request.headers,
      status: result.status,
      scimType: scimTypeOf(result),
      durationMs,
      requestBody: exchange.body,
      rawRequestBody: exchange.body === undefined ? exchange.rawBody : undefined,
      responseText: text,
      resources: exchange.touched,
      quirks: [...exchange.notes],
    });
  } catch (error) {
    log.error({ err: error }, "sync_log.write_failed");
  }
}

/** The whole SCIM endpoint: authenticate, rate-limit, parse, dispatch, answer, record, log. */
export async function handleScimRequest(request: Request): Promise<Response> {
  const startedMs = performance.now();
  const url = new URL(request.url);
  const exchange: Exchange = {
    id: newRequestId(),
    auth: undefined,
    rawBody: undefined,
    body: undefined,
    notes: new Set(),
    touched: [],
  };
  let result: ScimResult;
  try {
    const served = serve(request, url, exchange);
    result = served instanceof Promise ? await served : served;
  } catch (error) {
    result = resultOfError(error);
  }
  const text = serializeBody(result);
  const durationMs = performance.now() - startedMs;
  recordExchange(request, url, exchange, result, text, durationMs);
  logRequest({
    method: request.method,
    path: url.pathname,
    status: result.status,
    duration_ms: Math.round(durationMs * 100) / 100,
    directory_id: exchange.auth?.directoryId,
    user_agent: request.headers.get("user-agent") ?? undefined,
  });
  return toResponse(result, text);
}
