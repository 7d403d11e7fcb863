import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/dashboard/api-route";
import { getUserDetail } from "@/lib/dashboard/get-user-detail";
import { scimBaseUrl } from "@/lib/dashboard/public-url";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(ANY_ROLE, ({ request, params }) =>
  getUserDetail(getDb(), params.id, scimBaseUrl(request)),
);
