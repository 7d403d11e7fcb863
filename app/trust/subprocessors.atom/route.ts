import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/dashboard/errors";
import { publicOrigin } from "@/lib/dashboard/public-url";
import { atomFeed } from "@/lib/subprocessors/atom-feed";
import { publicVersions } from "@/lib/subprocessors/public-register";
import { companyNameOf } from "@/lib/subprocessors/publisher";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const FEED_VERSIONS_MAX = 50;

export function GET(request: Request): Response {
  try {
    const db = getDb();
    const versions = publicVersions(db, FEED_VERSIONS_MAX);
    const feed = atomFeed(versions, publicOrigin(request), companyNameOf(db));
    return new Response(feed, {
      headers: {
        "Content-Type": "application/atom+xml; charset=utf-8",
        "Cache-Control": "public, max-age=60",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
