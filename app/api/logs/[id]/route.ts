import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/dashboard/api-route";
import { getLogEntry } from "@/lib/sync-log/get-log-entry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(ANY_ROLE, ({ params }) =>
  getLogEntry(getDb(), params.id),
);
