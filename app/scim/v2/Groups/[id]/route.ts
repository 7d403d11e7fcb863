// IdPs call these paths on every sync; Next matches a named route faster than the catch-all.
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "../../handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
