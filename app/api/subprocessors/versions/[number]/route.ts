import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/dashboard/api-route";
import { versionNumber } from "@/lib/subprocessors/register-content";
import { getVersion } from "@/lib/subprocessors/versions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute<{ number: string }>(ANY_ROLE, ({ params }) => ({
  version: getVersion(getDb(), versionNumber.parse(params.number)),
}));
