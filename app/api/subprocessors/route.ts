import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, jsonBody, searchParamsOf } from "@/lib/dashboard/api-route";
import { REGISTER_EDITORS } from "@/lib/subprocessors/access";
import { createEntry } from "@/lib/subprocessors/create-entry";
import { listEntries } from "@/lib/subprocessors/list-entries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, ({ request }) =>
  listEntries(getDb(), searchParamsOf(request)),
);

export const POST = apiRoute(REGISTER_EDITORS, async ({ request, user }) => {
  const entry = createEntry(getDb(), { id: user.id, label: user.email }, await jsonBody(request));
  return Response.json({ entry }, { status: 201 });
});
