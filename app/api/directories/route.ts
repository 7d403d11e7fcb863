import { getDb } from "@/db/client";
import { ADMIN_ONLY, ANY_ROLE } from "@/lib/auth/roles";
import { apiRoute, jsonBody } from "@/lib/dashboard/api-route";
import { listDirectoryViews } from "@/lib/dashboard/list-directory-views";
import { addDirectory } from "@/lib/dashboard/manage-directories";
import { scimBaseUrl } from "@/lib/dashboard/public-url";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(ANY_ROLE, ({ request }) => ({
  directories: listDirectoryViews(getDb(), scimBaseUrl(request)),
}));

export const POST = apiRoute(ADMIN_ONLY, async ({ request, user }) => {
  const created = addDirectory(
    getDb(),
    { id: user.id, label: user.email },
    await jsonBody(request),
  );
  return Response.json(created, { status: 201 });
});
