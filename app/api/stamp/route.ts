import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/dashboard/api-route";
import { changeStamp } from "@/lib/dashboard/change-stamp";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, () => changeStamp(getDb()));
