import type { Db } from "@/db/client";
import type { Provider } from "@/db/schema";

/** One SCIM operation, from HTTP or from inside a Bulk request, scoped to one directory. */
export type TouchedResource = { type: "User" | "Group"; id: string; label: string | null };

export type ScimRequest = {
  db: Db;
  directoryId: string;
  /** The directory's identity provider, for the few answers that differ by client. */
  provider: Provider;
  baseUrl: string;
  method: string;
  /** Path segments below `/scim/v2`, decoded, empty ones dropped. */
  segments: string[];
  params: URLSearchParams;
  body: unknown;
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
  /** The sync-log entry this operation belongs to, and the token that sent it. */
  requestId: string;
  tokenId: string;
  /** Client quirks that were normalised along the way, for the sync log. */
  notes: Set<string>;
  /** Resources read or changed, for the sync log. */
  touched: TouchedResource[];
};
