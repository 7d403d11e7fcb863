import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, searchParamsOf } from "@/lib/dashboard/api-route";
import { compareVersions } from "@/lib/subprocessors/compare-versions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, ({ request }) =>
  compareVersions(getDb(), searchParamsOf(request)),
);
