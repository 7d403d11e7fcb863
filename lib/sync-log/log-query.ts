import { z } from "zod";
import type { RequestFilters } from "./queries";

export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;
export const LOG_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const LOG_RESOURCE_TYPES = ["User", "Group"] as const;
export const LOG_PAGE_SIZE_MAX = 100;

/**
 * Free text, method and resource type have no index to use: such a filter reads entries one by
 * one until it fills a page, so one that matches nothing read the whole log, again at every
 * live refresh (DELETE + Group: 0.7 s at 300k entries; a text term: 0.4 s). It reads this many
 * past its cursor at most, and answers where to go on from.
 */
export const LOG_SCAN_ROWS = 10_000;

/** Rolling windows a view can be shared with: "the last hour" stays the last hour. */
export const LOG_SINCE_MS = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
} as const;

/** The URL keys of the log's filters, shared by the page, the API and the exports. */
export const LOG_FILTER_KEYS = [
  "directory",
  "status",
  "method",
  "type",
  "since",
  "from",
  "to",
  "q",
] as const;

const instant = z.iso
  .datetime({ offset: true, local: false })
  .transform((text) => new Date(text).toISOString());

/** Request ids are UUIDv7; a cursor is only ever compared with them. */
const cursor = z
  .string()
  .regex(/^[0-9a-f-]{36}$/i, "Not a log entry id")
  .optional();

export const logFilterInput = z
  .object({
    directory: z.string().trim().min(1).max(100).optional(),
    status: z.enum(STATUS_CLASSES).optional(),
    method: z
      .string()
      .transform((text) => text.toUpperCase())
      .pipe(z.enum(LOG_METHODS))
      .optional(),
    type: z.enum(LOG_RESOURCE_TYPES).optional(),
    since: z.enum(Object.keys(LOG_SINCE_MS) as [keyof typeof LOG_SINCE_MS]).optional(),
    from: instant.optional(),
    to: instant.optional(),
    q: z.string().trim().max(200).optional(),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: "The start of the time range must not be after its end",
    path: ["from"],
  });

export const logPageInput = logFilterInput.and(
  z
    .object({
      before: cursor,
      after: cursor,
      limit: z.coerce.number().int().min(1).max(LOG_PAGE_SIZE_MAX).default(50),
    })
    .refine((input) => !(input.before && input.after), {
      message: "Give either before or after, not both",
      path: ["after"],
    }),
);

export type LogFilterInput = z.infer<typeof logFilterInput>;

/** A rolling window and a fixed start may both be given; the later start wins. */
function startOf(input: LogFilterInput, nowMs: number): string | undefined {
  const rolling = input.since
    ? new Date(nowMs - LOG_SINCE_MS[input.since]).toISOString()
    : undefined;
  if (!rolling || !input.from) return rolling ?? input.from;
  return rolling > input.from ? rolling : input.from;
}

export function toRequestFilters(input: LogFilterInput, nowMs = Date.now()): RequestFilters {
  return {
    directoryId: input.directory,
    statusClass: input.status,
    method: input.method,
    resourceType: input.type,
    fromIso: startOf(input, nowMs),
    toIso: input.to,
    q: input.q || undefined,
  };
}
