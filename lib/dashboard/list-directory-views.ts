import type { Db } from "@/db/client";
import { listDirectories } from "@/lib/directories/directories";
import { listTokens } from "@/lib/directories/tokens";

/** Directories with their tokens, newest token first; secrets are never part of this. */
export function listDirectoryViews(db: Db, scimBaseUrl: string) {
  return listDirectories(db).map((directory) => ({
    ...directory,
    scimBaseUrl,
    tokens: listTokens(db, directory.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  }));
}
