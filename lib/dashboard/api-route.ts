import { writesSettled } from "@/db/write-batch";
import { sessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { errorResponse, forbidden, unauthorized } from "./errors";

type Handler<P> = (context: {
  request: Request;
  user: SessionUser;
  params: P;
}) => unknown | Promise<unknown>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Cookies are SameSite=Lax already; a change must also come from a page of this very host. */
function isSameOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return new URL(origin).host === (request.headers.get("host") ?? new URL(request.url).host);
}

/**
 * Wraps a dashboard API handler: the caller must be signed in with one of `allowed`, writes must
 * be same-origin, the handler's result becomes JSON and every error goes through one mapper.
 */
export function apiRoute<P = Record<string, never>>(allowed: readonly Role[], run: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await sessionUser(request.headers);
      if (!user) throw unauthorized();
      if (!allowed.includes(user.role) || !isSameOrigin(request)) throw forbidden();
      const result = await run({ request, user, params: await context.params });
      // A change made while SCIM writes share a transaction is answered once it commits.
      await writesSettled();
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body; a body that is not JSON is the caller's mistake, not ours. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return (await request.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
