import { handleScimRequest } from "@/lib/scim-http/handle-scim-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handleScimRequest;
export const POST = handleScimRequest;
export const PUT = handleScimRequest;
export const PATCH = handleScimRequest;
export const DELETE = handleScimRequest;
export const HEAD = handleScimRequest;
export const OPTIONS = handleScimRequest;
