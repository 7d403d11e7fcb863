import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { COOKIE_PREFIX, PATH_HEADER } from "@/lib/auth/constants";
import type { ErrorBody } from "@/lib/dashboard/errors";
import { malformedPathSegment } from "@/lib/http/malformed-path";
import { logRequest } from "@/lib/log";
import { badRequest } from "@/lib/scim/errors";
import { errorResult, toResponse } from "@/lib/scim-http/respond";

const PUBLIC_PAGES = new Set(["/login", "/setup"]);
const NEVER_REDIRECTED = /^\/(scim|api|trust)(\/|$)/i;
const SCIM_PREFIX = /^\/scim\/v2(?=\/|$)/i;
const API_PREFIX = /^\/api(\/|$)/;

const undecodable = (segment: string) =>
  `The path segment "${segment}" is not valid percent-encoded UTF-8`;

/** Next fails to decode such a path before any route runs, and would answer in plain text. */
function malformedScimPath(request: NextRequest, segment: string): Response {
  const error = badRequest("invalidPath", undecodable(segment));
  const path = request.nextUrl.pathname;
  const userAgent = request.headers.get("user-agent") ?? undefined;
  logRequest({ method: request.method, path, status: 400, user_agent: userAgent });
  return toResponse(errorResult(error));
}

/** The dashboard API's own error body, where Next would answer a plain-text 500. */
function malformedApiPath(segment: string): Response {
  const body: ErrorBody = {
    error: { code: "invalid_request", message: `${undecodable(segment)}.` },
  };
  return Response.json(body, { status: 400 });
}

/**
 * An optimistic check only: pages without a session cookie go to the sign-in page. Every page
 * and API route checks the session and role itself. API paths only have their percent-encoding
 * checked; SCIM paths that too, and their base path's case fixed.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const badSegment = SCIM_PREFIX.test(pathname) ? malformedPathSegment(pathname) : undefined;
  if (badSegment !== undefined) return malformedScimPath(request, badSegment);
  const badApiSegment = API_PREFIX.test(pathname) ? malformedPathSegment(pathname) : undefined;
  if (badApiSegment !== undefined) return malformedApiPath(badApiSegment);
  // IdPs are configured by hand; `/SCIM/v2/Users` must reach the endpoint, not an HTML 404.
  if (SCIM_PREFIX.test(pathname) && !pathname.startsWith("/scim/v2")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.replace(SCIM_PREFIX, "/scim/v2");
    return NextResponse.rewrite(url);
  }
  if (NEVER_REDIRECTED.test(pathname)) return NextResponse.next();
  if (!PUBLIC_PAGES.has(pathname) && !getSessionCookie(request, { cookiePrefix: COOKIE_PREFIX })) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    "/((?!scim/|scim$|api/|api$|_next/static|_next/image|favicon.ico|icon.svg).*)",
    // Only SCIM and API paths with a percent sign pay for the proxy, to catch undecodable ones.
    "/scim/:rest(.*%.*)",
    "/api/:rest(.*%.*)",
  ],
};
