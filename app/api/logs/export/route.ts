import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, searchParamsOf } from "@/lib/dashboard/api-route";
import { exportLog } from "@/lib/sync-log/export-log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every role reads the log, so every role may take it away as a file. */
export const GET = apiRoute(ANY_ROLE, ({ request }) => exportLog(getDb(), searchParamsOf(request)));
