import { getDb } from "@/db/client";
import { DashboardError, errorResponse } from "@/lib/dashboard/errors";
import { publicRegisterDocument } from "@/lib/subprocessors/public-register";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The latest published version for customers' tools; no sign-in, never the draft. */
export function GET(): Response {
  try {
    const latest = publicRegisterDocument(getDb());
    if (!latest) {
      throw new DashboardError(404, "not_found", "No sub-processor list has been published yet.");
    }
    return Response.json(latest, {
      headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
