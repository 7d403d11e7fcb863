import { getDb } from "@/db/client";
import { AUDIT_READERS } from "@/lib/auth/roles";
import { apiRoute, searchParamsOf } from "@/lib/dashboard/api-route";
import { listAudit } from "@/lib/audit/list-audit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(AUDIT_READERS, ({ request }) =>
  listAudit(getDb(), searchParamsOf(request)),
);
