import { z } from "zod";

export const PAGE_SIZES = [25, 50, 100] as const;

/** `?page=` is 1-based in URLs; pages past the end answer an empty list, not an error. */
export const pageInput = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size), "Unsupported page size")
    .default(50),
};

export const searchText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((text) => (text ? text.toLowerCase() : undefined));

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
