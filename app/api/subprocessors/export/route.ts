import { getDb } from "@/db/client";
import { apiRoute, searchParamsOf } from "@/lib/dashboard/api-route";
import { REGISTER_EDITORS } from "@/lib/subprocessors/access";
import { contentDigest, exportRegister } from "@/lib/subprocessors/export-register";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(REGISTER_EDITORS, async ({ request }) => {
  const file = await exportRegister(getDb(), searchParamsOf(request));
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Digest": contentDigest(file.body),
      "Register-Version": file.version === null ? "draft" : String(file.version),
      "Register-Sha256": file.sha256,
      "Cache-Control": "no-store",
    },
  });
});
