import type { Filter, PatchPath } from "./ast";
import { FilterParser, type FilterNote } from "./filter-parser";

export { FILTER_DEPTH_MAX, FILTER_TERMS_MAX, type FilterNote } from "./filter-parser";
export { FilterSyntaxError } from "./filter-syntax-error";

export type ParsedFilter = { filter: Filter; notes: FilterNote[] };

/** Parses a `filter` query parameter (RFC 7644 §3.4.2.2). Throws FilterSyntaxError. */
export function parseFilter(text: string): Filter {
  return parseFilterWithNotes(text).filter;
}

export function parseFilterWithNotes(text: string): ParsedFilter {
  const parser = new FilterParser(text, "filter");
  const filter = parser.parseFilterText();
  return { filter, notes: [...parser.notes] };
}

/** Parses a PATCH operation `path` (RFC 7644 §3.5.2). Throws FilterSyntaxError. */
export function parsePatchPath(text: string): PatchPath {
  return new FilterParser(text, "path").parsePatchPathText();
}
