import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, searchParamsOf } from "@/lib/dashboard/api-route";
import { listLog } from "@/lib/sync-log/list-log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, ({ request }) => listLog(getDb(), searchParamsOf(request)));
