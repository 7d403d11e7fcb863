import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One request to the SCIM endpoint, whatever its outcome, with redacted bodies. */
export const syncRequests = sqliteTable(
  "sync_requests",
  {
    /** UUIDv7: time-ordered, so keyset pagination runs on the primary key. */
    id: text("id").primaryKey(),
    createdAt: text("created_at").notNull(),
    directoryId: text("directory_id"),
    tokenId: text("token_id"),
    tokenName: text("token_name"),
    method: text("method").notNull(),
    path: text("path").notNull(),
    query: text("query"),
    status: integer("status").notNull(),
    scimType: text("scim_type"),
    durationMs: integer("duration_ms").notNull(),
    clientIp: text("client_ip"),
    userAgent: text("user_agent"),
    /** JSON object of the request headers worth showing, credentials redacted. */
    headers: text("headers").notNull(),
    requestBody: text("request_body"),
    responseBody: text("response_body"),
    isRequestTruncated: integer("is_request_truncated", { mode: "boolean" }).notNull(),
    isResponseTruncated: integer("is_response_truncated", { mode: "boolean" }).notNull(),
    resourceType: text("resource_type"),
    resourceId: text("resource_id"),
    /** userName or displayName of the main resource, for free-text search. */
    resourceLabel: text("resource_label"),
    /** JSON array of every resource touched, `[{type, id}]`. */
    resources: text("resources").notNull(),
    /** JSON array of client quirks normalised while serving the request. */
    quirks: text("quirks").notNull(),
  },
  (t) => [
    index("sync_requests_directory").on(t.directoryId, t.id),
    index("sync_requests_created").on(t.createdAt),
    index("sync_requests_status").on(t.status, t.id),
  ],
);
