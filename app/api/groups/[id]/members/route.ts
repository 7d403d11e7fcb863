import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, searchParamsOf } from "@/lib/dashboard/api-route";
import { listGroupMembers } from "@/lib/dashboard/list-group-members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(ANY_ROLE, ({ request, params }) =>
  listGroupMembers(getDb(), params.id, searchParamsOf(request)),
);
