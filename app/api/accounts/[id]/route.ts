import { getDb } from "@/db/client";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { updateAccount } from "@/lib/accounts/update-account";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { apiRoute, jsonBody } from "@/lib/dashboard/api-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = apiRoute<{ id: string }>(ADMIN_ONLY, async ({ request, user, params }) => {
  const actor = { id: user.id, label: user.email };
  const body = await jsonBody(request);
  return { account: await updateAccount(getDb(), actor, params.id, body, request.headers) };
});

export const DELETE = apiRoute<{ id: string }>(ADMIN_ONLY, ({ request, user, params }) =>
  deleteAccount(getDb(), { id: user.id, label: user.email }, params.id, request.headers),
);
