import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, jsonBody } from "@/lib/dashboard/api-route";
import { REGISTER_EDITORS } from "@/lib/subprocessors/access";
import { getSettings, updateSettings } from "@/lib/subprocessors/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, () => ({ settings: getSettings(getDb()) }));

export const PUT = apiRoute(REGISTER_EDITORS, async ({ request, user }) => ({
  settings: updateSettings(getDb(), { id: user.id, label: user.email }, await jsonBody(request)),
}));
