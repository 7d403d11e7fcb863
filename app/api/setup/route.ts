import { getDb } from "@/db/client";
import { writesSettled } from "@/db/write-batch";
import { setUpFirstAdmin } from "@/lib/accounts/set-up-first-admin";
import { jsonBody } from "@/lib/dashboard/api-route";
import { errorResponse, invalid } from "@/lib/dashboard/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** First run only: creates the first admin; refused with 409 once any account exists. */
export async function POST(request: Request) {
  try {
    const body = await jsonBody(request);
    if (typeof body !== "object" || body === null) throw invalid("Send a JSON object.");
    const { email, name, password } = body as Record<string, unknown>;
    const account = await setUpFirstAdmin(getDb(), { email, name, password });
    await writesSettled();
    return Response.json({ account }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
