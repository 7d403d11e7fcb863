import { getDb } from "@/db/client";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { apiRoute, jsonBody } from "@/lib/dashboard/api-route";
import { addToken } from "@/lib/dashboard/manage-directories";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(ADMIN_ONLY, async ({ request, user, params }) => {
  const actor = { id: user.id, label: user.email };
  const created = addToken(getDb(), actor, params.id, await jsonBody(request));
  return Response.json(created, { status: 201 });
});
