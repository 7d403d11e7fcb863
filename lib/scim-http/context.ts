import type { Db } from "@/db/client";

/** One SCIM operation, from HTTP or from inside a Bulk request, scoped to one directory. */
export type ScimRequest = {
  db: Db;
  directoryId: string;
  baseUrl: string;
  method: string;
  /** Path segments below `/scim/v2`, decoded, empty ones dropped. */
  segments: string[];
  params: URLSearchParams;
  body: unknown;
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
  /** Client quirks that were normalised along the way, for the sync log. */
  notes: Set<string>;
};
