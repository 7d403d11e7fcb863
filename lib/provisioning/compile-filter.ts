import { sql, type SQL } from "drizzle-orm";
import {
  booleanValue,
  containsText,
  endsWithText,
  fewRowsMatch,
  jsonArrayExists,
  lowerText,
} from "@/db/dialect";
import type { AttrPath, CompareOp, CompValue, Filter } from "@/lib/scim/filter/ast";
import { badRequest } from "@/lib/scim/errors";
import { attr } from "@/lib/scim/schemas/define";
import { parseDateTime } from "@/lib/scim/values";
import {
  findAttribute,
  resolveAttribute,
  type AttributeDef,
  type ResourceKind,
} from "@/lib/scim/schemas";
import {
  DATA_COLUMN,
  ID_COLUMN,
  SIDE_TABLES,
  singleValueColumn,
  type ColumnRef,
} from "./attribute-columns";

/** A value to compare: the SQL expression and the definition that says how to compare it. */
type Operand = { column: ColumnRef; def: AttributeDef };

/** Resolves the sub-attribute names of one multi-valued attribute inside a value filter. */
type ElementScope = { def: AttributeDef; operand: (sub: AttrPath) => Operand };

const MAX_CODE_POINT = String.fromCodePoint(0x10ffff);
const RANGE_OPS: ReadonlySet<CompareOp> = new Set(["gt", "ge", "lt", "le"]);
const SUBSTRING_OPS: ReadonlySet<CompareOp> = new Set(["co", "sw", "ew"]);

const invalid = (detail: string) => badRequest("invalidFilter", detail);

function describe(path: AttrPath): string {
  return [path.uri, [path.name, path.subAttr].filter(Boolean).join(".")].filter(Boolean).join(":");
}

/**
 * Collects a compiled filter's values as numbered placeholders, so filters of the same shape
 * share one prepared statement. Compilation is synchronous, so one binder at a time is active.
 */
class Binder {
  readonly params: Record<string, string | number> = {};
  private count = 0;

  bind(value: string | number): SQL {
    const name = `p${this.count}`;
    this.count += 1;
    this.params[name] = value;
    return sql`${sql.placeholder(name)}`;
  }
}

/** What one compileFilter call shares with the functions it recurses through. */
type Compilation = { binder: Binder; otherKinds: readonly ResourceKind[] };

let active: Compilation | undefined;

function bound(value: string | number): SQL {
  return active ? active.binder.bind(value) : sql`${value}`;
}

export type CompiledFilter = { condition: SQL; params: Record<string, string | number> };

/**
 * Compiles a parsed filter into a SQL condition over the resource's table. `searchedKinds` are
 * the types a root search spans; at a type's own endpoint, only that type.
 */
export function compileFilter(
  kind: ResourceKind,
  filter: Filter,
  searchedKinds: readonly ResourceKind[] = [kind],
): CompiledFilter {
  const previous = active;
  const binder = new Binder();
  active = { binder, otherKinds: searchedKinds.filter((other) => other !== kind) };
  try {
    return { condition: compileNode(kind, filter, undefined), params: binder.params };
  } finally {
    active = previous;
  }
}

/**
 * RFC 7644 §3.4.2.1: a root search treats an attribute that a type does not define, but another
 * searched type does, as having no value on that type. An attribute no type defines stays an
 * error.
 */
function isOtherKindsAttribute(kind: ResourceKind, path: AttrPath): boolean {
  const otherKinds = active?.otherKinds ?? [];
  if (otherKinds.length === 0 || resolveAttribute(kind, path)) return false;
  return otherKinds.some((other) => resolveAttribute(other, path) !== undefined);
}

/** Whether the attribute another searched type defines is multi-valued there. */
function isOtherKindsMultiValued(path: AttrPath): boolean {
  const otherKinds = active?.otherKinds ?? [];
  return otherKinds.some((other) => resolveAttribute(other, path)?.def.multiValued === true);
}

/** An attribute without a value: compared exactly as a known attribute a resource lacks. */
function absentOperand(path: AttrPath): Operand {
  const def = attr(path.subAttr ?? path.name, "string", "", { caseExact: true });
  return { column: { expression: sql`NULL`, folded: false }, def };
}

/**
 * The filter with its values reduced to what changes the SQL (type, and empty or not), so two
 * filters with the same key compile to the same statement.
 */
export function filterShape(filter: Filter): string {
  return JSON.stringify(filter, (key, value: unknown) => {
    if (key !== "value") return value;
    if (typeof value === "string") return value === "" ? "s0" : "s";
    return value === null ? "null" : typeof value;
  });
}

function compileNode(kind: ResourceKind, node: Filter, scope: ElementScope | undefined): SQL {
  switch (node.kind) {
    case "and":
    case "or": {
      const left = compileNode(kind, node.left, scope);
      const right = compileNode(kind, node.right, scope);
      return sql`(${left} ${sql.raw(node.kind.toUpperCase())} ${right})`;
    }
    case "not":
      // SQL's NOT keeps NULL as NULL; RFC 7644 filters are two-valued, so absent means false.
      return sql`(NOT coalesce(${compileNode(kind, node.filter, scope)}, 0))`;
    case "valuePath":
      if (scope) throw invalid(`Value filters cannot nest inside "${scope.def.name}[...]"`);
      // An attribute without a value has no element to match.
      if (isOtherKindsAttribute(kind, node.path)) return presentOperand(absentOperand(node.path));
      return compileValuePath(kind, node.path, node.filter);
    case "present":
      return scope ? presentOperand(scope.operand(node.path)) : compilePresent(kind, node.path);
    case "compare":
      if (scope) return compareOperand(scope.operand(node.path), node.op, node.value);
      return compileCompare(kind, node.path, node.op, node.value);
  }
}

function resolve(kind: ResourceKind, path: AttrPath) {
  const resolved = resolveAttribute(kind, path);
  if (!resolved) throw invalid(`Unknown attribute "${describe(path)}" in filter`);
  return resolved;
}

function compileCompare(kind: ResourceKind, path: AttrPath, op: CompareOp, value: CompValue): SQL {
  if (isOtherKindsAttribute(kind, path)) {
    // A multi-valued attribute without a value has no element for `ne` (or any op) to match.
    if (isOtherKindsMultiValued(path)) return presentOperand(absentOperand(path));
    return compareOperand(absentOperand(path), op, value);
  }
  const resolved = resolve(kind, path);
  if (resolved.def.multiValued) {
    // RFC 7644 §3.4.2.2: `emails.value eq x` matches when any element's value does.
    const sub = path.subAttr ?? "value";
    return compileValuePath(kind, path, { kind: "compare", path: { name: sub }, op, value });
  }
  return compareOperand(singleOperand(kind, path), op, value);
}

function compilePresent(kind: ResourceKind, path: AttrPath): SQL {
  if (isOtherKindsAttribute(kind, path)) return presentOperand(absentOperand(path));
  const resolved = resolve(kind, path);
  if (resolved.def.multiValued) {
    const inner: Filter = path.subAttr
      ? { kind: "present", path: { name: path.subAttr } }
      : { kind: "present", path: { name: "__element" } };
    return compileValuePath(kind, path, inner);
  }
  return presentOperand(singleOperand(kind, path));
}

/** A single-valued attribute: a dedicated column when there is one, else a JSON field. */
function singleOperand(kind: ResourceKind, path: AttrPath): Operand {
  const resolved = resolve(kind, path);
  const column = singleValueColumn(kind, resolved);
  if (!column) throw invalid(`Filtering on "${describe(path)}" is not supported`);
  return { column, def: resolved.sub ?? resolved.def };
}

function compileValuePath(kind: ResourceKind, path: AttrPath, filter: Filter): SQL {
  const resolved = resolve(kind, path);
  const def = resolved.def;
  if (!def.multiValued) throw invalid(`"${describe(path)}" is not multi-valued`);
  const side = resolved.isExtension ? undefined : SIDE_TABLES[kind][def.name.toLowerCase()];
  const subs = referencedSubAttributes(filter);
  if (side && subs.every((sub) => sub === "__element" || sub in side.columns)) {
    const operand = (sub: AttrPath) => sideOperand(def, side.columns, sub);
    const condition = compileNode(kind, filter, { def, operand });
    return sql`${ID_COLUMN[kind]} IN (SELECT ${side.owner} FROM ${side.from} WHERE ${condition})`;
  }
  if (side)
    throw invalid(`"${def.name}" can be filtered on ${Object.keys(side.columns).join(", ")}`);
  const keys = [...(resolved.isExtension && resolved.schema ? [resolved.schema] : []), def.name];
  return jsonArrayExists(DATA_COLUMN[kind], keys, (element) =>
    compileNode(kind, filter, { def, operand: (sub) => jsonElementOperand(def, element, sub) }),
  );
}

function referencedSubAttributes(filter: Filter): string[] {
  switch (filter.kind) {
    case "and":
    case "or":
      return [...referencedSubAttributes(filter.left), ...referencedSubAttributes(filter.right)];
    case "not":
      return referencedSubAttributes(filter.filter);
    case "valuePath":
      return [filter.path.name.toLowerCase()];
    default:
      return [filter.path.name.toLowerCase()];
  }
}

function subDefinition(def: AttributeDef, sub: AttrPath): AttributeDef {
  if (sub.name === "__element") return { ...def, multiValued: false, type: "complex" };
  const found = findAttribute(def.subAttributes ?? [], sub.name);
  if (!found || sub.subAttr) throw invalid(`Unknown attribute "${def.name}.${describe(sub)}"`);
  return found;
}

function sideOperand(
  def: AttributeDef,
  columns: Record<string, ColumnRef>,
  sub: AttrPath,
): Operand {
  const subDef = subDefinition(def, sub);
  if (sub.name === "__element")
    return { column: { expression: sql`1`, folded: false }, def: subDef };
  const column = columns[sub.name.toLowerCase()];
  if (!column) throw invalid(`"${def.name}.${sub.name}" cannot be filtered on`);
  return { column, def: subDef };
}

function jsonElementOperand(
  def: AttributeDef,
  element: (keys: readonly string[]) => SQL,
  sub: AttrPath,
): Operand {
  const subDef = subDefinition(def, sub);
  const keys = sub.name === "__element" ? [] : [subDef.name];
  return { column: { expression: element(keys), folded: false }, def: subDef };
}

function presentOperand({ column, def }: Operand): SQL {
  if (def.type === "complex") return sql`(${column.expression} IS NOT NULL)`;
  if (def.type === "string" || def.type === "reference") {
    return sql`(${column.expression} IS NOT NULL AND ${column.expression} <> '')`;
  }
  return sql`(${column.expression} IS NOT NULL)`;
}

function compareOperand({ column, def }: Operand, op: CompareOp, value: CompValue): SQL {
  const name = def.name;
  if (value === null) {
    if (op === "eq") return sql`(${column.expression} IS NULL)`;
    if (op === "ne") return sql`(${column.expression} IS NOT NULL)`;
    throw invalid(`"${op}" cannot compare "${name}" with null`);
  }
  if (def.type === "complex")
    throw invalid(`"${name}" is complex; compare one of its sub-attributes`);
  if (def.type === "boolean" || def.type === "binary") {
    if (op !== "eq" && op !== "ne")
      throw invalid(`"${op}" is not defined for ${def.type} "${name}"`);
  }
  const { expression, param } = comparable(column, def, value, op);
  const comparison = emitComparison(expression, op, param);
  // IdPs ask what changed since their last sync (`meta.lastModified gt "…"`), which matches few
  // rows; told so, the planner seeks the lastModified index instead of walking the directory.
  return def.type === "dateTime" && RANGE_OPS.has(op) ? fewRowsMatch(comparison) : comparison;
}

function comparable(
  column: ColumnRef,
  def: AttributeDef,
  value: Exclude<CompValue, null>,
  op: CompareOp,
) {
  switch (def.type) {
    case "boolean":
      return { expression: column.expression, param: booleanValue(toBoolean(def, value)) };
    case "integer":
    case "decimal":
      if (typeof value !== "number") throw invalid(`"${def.name}" must be compared with a number`);
      return { expression: column.expression, param: value };
    case "dateTime":
      // RFC 7644 §3.4.2.2 defines co, sw and ew on the attribute's text, the rest on instants.
      if (SUBSTRING_OPS.has(op)) return textComparable(column, def, value);
      return { expression: column.expression, param: toInstant(def, value) };
    default:
      return textComparable(column, def, value);
  }
}

function textComparable(column: ColumnRef, def: AttributeDef, value: Exclude<CompValue, null>) {
  const text = String(value);
  if (def.caseExact) return { expression: column.expression, param: text };
  const expression = column.folded ? column.expression : lowerText(column.expression);
  return { expression, param: text.toLowerCase() };
}

function toBoolean(def: AttributeDef, value: string | number | boolean): boolean {
  if (typeof value === "boolean") return value;
  const text = String(value).toLowerCase();
  if (text === "true" || text === "false") return text === "true";
  throw invalid(`"${def.name}" must be compared with true or false`);
}

/** RFC 7643 §2.3.5: the same xsd:dateTime that written values must be. */
function toInstant(def: AttributeDef, value: string | number | boolean): string {
  const time = typeof value === "string" ? parseDateTime(value) : undefined;
  if (time === undefined) {
    throw invalid(
      `"${def.name}" must be compared with an xsd:dateTime such as 2008-01-23T04:56:22Z`,
    );
  }
  return new Date(time).toISOString();
}

function emitComparison(expression: SQL, op: CompareOp, param: string | number): SQL {
  const isText = typeof param === "string";
  switch (op) {
    case "eq":
      return sql`(${expression} = ${bound(param)})`;
    case "ne":
      return sql`(${expression} IS NULL OR ${expression} <> ${bound(param)})`;
    case "gt":
      return sql`(${expression} > ${bound(param)})`;
    case "ge":
      return sql`(${expression} >= ${bound(param)})`;
    case "lt":
      return sql`(${expression} < ${bound(param)})`;
    case "le":
      return sql`(${expression} <= ${bound(param)})`;
    case "co":
      if (!isText) throw invalid(`"co" needs a string value`);
      return containsText(expression, bound(param));
    case "sw":
      if (!isText) throw invalid(`"sw" needs a string value`);
      // A range rather than LIKE, so an index on the column serves prefix searches.
      const upper = bound(`${param}${MAX_CODE_POINT}`);
      return sql`(${expression} >= ${bound(param)} AND ${expression} < ${upper})`;
    case "ew":
      if (!isText) throw invalid(`"ew" needs a string value`);
      if (param === "") return sql`(${expression} IS NOT NULL)`;
      return endsWithText(expression, bound(param), bound(-[...param].length));
  }
}

/** A condition over `group_members` rows for `members[...]` filters in PATCH paths. */
export function compileMemberCondition(filter: Filter): SQL {
  const resolved = resolve("Group", { name: "members" });
  const side = SIDE_TABLES.Group.members;
  if (!side) throw invalid("Group members are not filterable");
  const operand = (sub: AttrPath) => sideOperand(resolved.def, side.columns, sub);
  return compileNode("Group", filter, { def: resolved.def, operand });
}
