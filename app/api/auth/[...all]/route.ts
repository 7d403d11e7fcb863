import { writesSettled } from "@/db/write-batch";
import { getAuth } from "@/lib/auth/auth";
import { errorResponse, notFound } from "@/lib/dashboard/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Only these better-auth endpoints are reachable over HTTP. Accounts are managed through
 * `/api/accounts`, which checks roles and writes the audit trail before calling better-auth.
 */
const PUBLIC_ENDPOINTS = new Set([
  "POST /api/auth/sign-in/email",
  "POST /api/auth/sign-out",
  "GET /api/auth/get-session",
]);

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!PUBLIC_ENDPOINTS.has(`${request.method} ${pathname.replace(/\/+$/, "")}`)) {
    return errorResponse(notFound("Endpoint"));
  }
  const response = await getAuth().handler(request);
  try {
    // A session written while SCIM writes share a transaction exists once that commits.
    await writesSettled();
  } catch (error) {
    return errorResponse(error);
  }
  return response;
}

export const GET = handle;
export const POST = handle;
