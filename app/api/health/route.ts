import { isDatabaseReachable } from "@/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET() {
  const ok = isDatabaseReachable();
  return Response.json({ ok }, { status: ok ? 200 : 503 });
}
