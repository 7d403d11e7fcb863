import { getDb } from "@/db/client";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/dashboard/api-route";
import { revokeDirectoryToken } from "@/lib/dashboard/manage-directories";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Revokes the token at once; the row stays, so its history and last use remain visible. */
export const DELETE = apiRoute<{ id: string }>(ADMIN_ONLY, ({ user, params }) => ({
  token: revokeDirectoryToken(getDb(), { id: user.id, label: user.email }, params.id),
}));
