import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, jsonBody } from "@/lib/dashboard/api-route";
import { REGISTER_EDITORS } from "@/lib/subprocessors/access";
import { getEntry } from "@/lib/subprocessors/get-entry";
import { updateEntry } from "@/lib/subprocessors/update-entry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(ANY_ROLE, ({ params }) => getEntry(getDb(), params.id));

export const PUT = apiRoute<Params>(REGISTER_EDITORS, async ({ request, user, params }) => {
  const actor = { id: user.id, label: user.email };
  updateEntry(getDb(), actor, params.id, await jsonBody(request));
  return getEntry(getDb(), params.id);
});
