import { z } from "zod";
import type { RequestFilters } from "./queries";

export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;
export const LOG_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const LOG_RESOURCE_TYPES = ["User", "Group"] as const;
export const LOG_PAGE_SIZES = [25, 50, 100] as const;

/** The URL keys of the log's filters, shared by the page, the API and the exports. */
export const LOG_FILTER_KEYS = [
  "directory",
  "status",
  "method",
  "type",
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
      limit: z.coerce
        .number()
        .int()
        .refine((size) => (LOG_PAGE_SIZES as readonly number[]).includes(size), "Unsupported limit")
        .default(50),
    })
    .refine((input) => !(input.before && input.after), {
      message: "Give either before or after, not both",
      path: ["after"],
    }),
);

export type LogFilterInput = z.infer<typeof logFilterInput>;

export function toRequestFilters(input: LogFilterInput): RequestFilters {
  return {
    directoryId: input.directory,
    statusClass: input.status,
    method: input.method,
    resourceType: input.type,
    fromIso: input.from,
    toIso: input.to,
    q: input.q || undefined,
  };
}
