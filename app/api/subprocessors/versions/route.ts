import { getDb } from "@/db/client";
import { ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/dashboard/api-route";
import { REGISTER_EDITORS } from "@/lib/subprocessors/access";
import { pendingChangelog, publishVersion } from "@/lib/subprocessors/publish-version";
import { listVersions, summaryOf } from "@/lib/subprocessors/versions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, () => ({
  versions: listVersions(getDb()).map(summaryOf),
  pending: pendingChangelog(getDb()),
}));

export const POST = apiRoute(REGISTER_EDITORS, ({ user }) => {
  const version = publishVersion(getDb(), { id: user.id, label: user.email });
  return Response.json({ version }, { status: 201 });
});
