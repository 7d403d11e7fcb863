import { getDb } from "@/db/client";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { apiRoute, jsonBody } from "@/lib/dashboard/api-route";
import { deleteDirectory, updateDirectory } from "@/lib/dashboard/manage-directories";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = apiRoute<{ id: string }>(ADMIN_ONLY, async ({ request, user, params }) => {
  const actor = { id: user.id, label: user.email };
  return { directory: updateDirectory(getDb(), actor, params.id, await jsonBody(request)) };
});

/** Its users, groups and tokens go with it; the sync log keeps its entries. */
export const DELETE = apiRoute<{ id: string }>(ADMIN_ONLY, ({ user, params }) => ({
  deleted: deleteDirectory(getDb(), { id: user.id, label: user.email }, params.id),
}));
