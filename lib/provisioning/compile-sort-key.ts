import { sql, type SQL } from "drizzle-orm";
import { lowerText } from "@/db/dialect";
import type { AttrPath } from "@/lib/scim/filter/ast";
import { FilterSyntaxError } from "@/lib/scim/filter/filter-syntax-error";
import { parseAttrPath } from "@/lib/scim/filter/parse-attr-path";
import { badRequest } from "@/lib/scim/errors";
import {
  findAttribute,
  resolveAttribute,
  type AttributeDef,
  type ResolvedAttribute,
  type ResourceKind,
} from "@/lib/scim/schemas";
import { ID_COLUMN, SIDE_TABLES, singleValueColumn, type ColumnRef } from "./attribute-columns";

const invalid = (detail: string) => badRequest("invalidValue", detail);
const notSortable = (sortBy: string) => invalid(`Sorting by "${sortBy}" is not supported`);

function parseSortPath(sortBy: string): AttrPath {
  try {
    return parseAttrPath(sortBy, 0);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw invalid(`Invalid sortBy: ${error.message}`);
    throw error;
  }
}

function sortable(column: ColumnRef, def: AttributeDef): SQL {
  const isText = def.type === "string" || def.type === "reference";
  return isText && !def.caseExact && !column.folded
    ? lowerText(column.expression)
    : column.expression;
}

/**
 * RFC 7644 §3.4.2.3: a multi-valued attribute sorts by its primary element's value, or else its
 * first one's; a sub-attribute path sorts by that sub-attribute of the same element.
 */
function primaryElementKey(kind: ResourceKind, resolved: ResolvedAttribute, sortBy: string): SQL {
  const side = resolved.isExtension
    ? undefined
    : SIDE_TABLES[kind][resolved.def.name.toLowerCase()];
  const sub = resolved.sub ?? findAttribute(resolved.def.subAttributes ?? [], "value");
  const column = sub && side?.columns[sub.name.toLowerCase()];
  const primary = side?.columns.primary;
  if (!side || !sub || !column || !primary) throw notSortable(sortBy);
  return sql`(SELECT ${sortable(column, sub)} FROM ${side.from}
    WHERE ${side.owner} = ${ID_COLUMN[kind]} ORDER BY ${primary.expression} DESC LIMIT 1)`;
}

/**
 * The ORDER BY key for `sortBy` (RFC 7644 §3.4.2.3), in attribute notation (§3.10). Undefined
 * when only another of the `searchedKinds` defines it: no resource of this kind has a value.
 */
export function compileSortKey(
  kind: ResourceKind,
  sortBy: string,
  searchedKinds: readonly ResourceKind[] = [kind],
): SQL | undefined {
  const path = parseSortPath(sortBy);
  const resolved = resolveAttribute(kind, path);
  if (!resolved && searchedKinds.some((other) => resolveAttribute(other, path))) return undefined;
  if (!resolved) throw invalid(`Unknown sortBy attribute "${sortBy}"`);
  if (resolved.def.multiValued) return primaryElementKey(kind, resolved, sortBy);
  const def = resolved.sub ?? resolved.def;
  if (def.returned === "never") {
    throw invalid(`"${sortBy}" is never returned, so resources cannot be sorted by it`);
  }
  if (def.type === "complex") {
    const example = def.subAttributes?.[0]?.name ?? "value";
    throw invalid(
      `sortBy "${sortBy}" is complex; ` +
        `name one of its sub-attributes, such as "${sortBy}.${example}"`,
    );
  }
  const column = singleValueColumn(kind, resolved);
  if (!column) throw notSortable(sortBy);
  return sortable(column, def);
}
