import { getDb } from "@/db/client";
import { authenticate, type Authenticated } from "@/lib/directories/tokens";
import { log } from "@/lib/log";
import { BULK_PAYLOAD_BYTES_MAX } from "@/lib/scim/discovery";
import { ScimError } from "@/lib/scim/errors";
import type { ScimRequest } from "./context";
import { dispatch, expectsBody, MethodNotAllowed } from "./dispatch";
import { DEFAULT_RATE_PER_SECOND, takeRequest } from "./rate-limit";
import { readJsonBody } from "./read-body";
import { errorResult, internalErrorResult, toResponse, type ScimResult } from "./respond";

export const SCIM_PREFIX = "/scim/v2";
const BODY_BYTES_MAX = 4 * 1_048_576;
const REALM = 'Bearer realm="Roster SCIM"';

function bearerSecret(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function authenticateRequest(request: Request): Authenticated {
  const secret = bearerSecret(request);
  if (!secret) throw new ScimError(401, "Send a bearer token in the Authorization header");
  const auth = authenticate(getDb(), secret);
  if (!auth) throw new ScimError(401, "The bearer token is unknown or revoked");
  return auth;
}

function segmentsOf(url: URL): string[] {
  const rest = url.pathname.slice(SCIM_PREFIX.length);
  return rest
    .split("/")
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment));
}

/**
 * The base of every `meta.location`: PUBLIC_URL when set, else the address the client used.
 * `request.url` under `next start` names the listening socket, not the Host the client sent.
 */
function baseUrlOf(request: Request, url: URL): string {
  const configured = process.env.PUBLIC_URL?.replace(/\/+$/, "");
  if (configured) return `${configured}${SCIM_PREFIX}`;
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const host = first("x-forwarded-host") ?? first("host") ?? url.host;
  const protocol = first("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${protocol}://${host}${SCIM_PREFIX}`;
}

async function serve(request: Request, url: URL, auth: Authenticated): Promise<ScimResult> {
  const retryAfter = takeRequest(auth.tokenId, auth.rateLimitPerSecond ?? DEFAULT_RATE_PER_SECOND);
  if (retryAfter > 0) {
    const error = new ScimError(429, `Too many requests; retry after ${retryAfter} s`);
    return errorResult(error, { "Retry-After": String(retryAfter) });
  }
  const segments = segmentsOf(url);
  const isBulk = segments[0]?.toLowerCase() === "bulk";
  const method = request.method.toUpperCase();
  const body = expectsBody(method)
    ? await readJsonBody(request, isBulk ? BULK_PAYLOAD_BYTES_MAX : BODY_BYTES_MAX)
    : undefined;
  const req: ScimRequest = {
    db: getDb(),
    directoryId: auth.directoryId,
    provider: auth.provider,
    baseUrl: baseUrlOf(request, url),
    method,
    segments,
    params: url.searchParams,
    body,
    ifMatch: request.headers.get("if-match") ?? undefined,
    ifNoneMatch: request.headers.get("if-none-match") ?? undefined,
    notes: new Set(),
  };
  return dispatch(req);
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

/** The whole SCIM endpoint: authenticate, rate-limit, parse, dispatch, answer, log one line. */
export async function handleScimRequest(request: Request): Promise<Response> {
  const startedMs = performance.now();
  const url = new URL(request.url);
  let auth: Authenticated | undefined;
  let result: ScimResult;
  try {
    auth = authenticateRequest(request);
    result = await serve(request, url, auth);
  } catch (error) {
    result = resultOfError(error);
  }
  log.info(
    {
      method: request.method,
      path: url.pathname,
      status: result.status,
      duration_ms: Math.round((performance.now() - startedMs) * 100) / 100,
      directory_id: auth?.directoryId,
      user_agent: request.headers.get("user-agent") ?? undefined,
    },
    "scim.request",
  );
  return toResponse(result);
}
