import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { COOKIE_PREFIX, PATH_HEADER } from "@/lib/auth/constants";

const PUBLIC_PAGES = new Set(["/login", "/setup"]);
const NEVER_REDIRECTED = /^\/(scim|api|trust)(\/|$)/i;
const SCIM_PREFIX = /^\/scim\/v2(?=\/|$)/i;

/**
 * An optimistic check only: pages without a session cookie go to the sign-in page. Every page
 * and API route checks the session and role itself. SCIM and the API are never touched here.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  matcher: ["/((?!scim/|scim$|api/|api$|_next/static|_next/image|favicon.ico).*)"],
};
