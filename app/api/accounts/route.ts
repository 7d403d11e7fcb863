import { getDb } from "@/db/client";
import { createAccount } from "@/lib/accounts/create-account";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { apiRoute, jsonBody } from "@/lib/dashboard/api-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ADMIN_ONLY, () => ({ accounts: listAccounts(getDb()) }));

export const POST = apiRoute(ADMIN_ONLY, async ({ request, user }) => {
  const actor = { id: user.id, label: user.email };
  const account = await createAccount(getDb(), actor, await jsonBody(request));
  return Response.json({ account }, { status: 201 });
});
