import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, searchParamsOf } from "@/lib/dashboard/api-route";
import { listUsers } from "@/lib/dashboard/list-users";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, ({ request }) => listUsers(getDb(), searchParamsOf(request)));
