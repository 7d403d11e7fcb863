export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "../handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
