import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { AttrPath, CompValue, Filter } from "../ast";
import { isCompareOp } from "../filter-words";

/**
 * Test-only bridge to SCIMMY's filter vectors. SCIMMY's AST is disjunctive normal form: a list
 * of objects (or), each keyed by attribute (and), nested objects for sub-attributes, and leaf
 * arrays `[op, value]`, `["not", op, value]`, or a list of those for repeated attributes.
 */
const FIXTURE_PATH = path.resolve(
  import.meta.dirname,
  "../../../../../shared/conformance/scimmy-fixtures/filter.json",
);

const fixtureSchema = z.object({
  parse: z.record(z.string(), z.array(z.object({ source: z.string(), target: z.unknown() }))),
  expression: z.record(z.string(), z.array(z.object({ source: z.unknown(), target: z.string() }))),
  match: z.object({
    source: z.array(z.record(z.string(), z.unknown())),
    targets: z.record(
      z.string(),
      z.array(z.object({ expression: z.unknown(), expected: z.array(z.number()) })),
    ),
  }),
});

export type ScimmyFilterFixture = z.infer<typeof fixtureSchema>;

export function loadScimmyFilterFixture(): ScimmyFilterFixture {
  return fixtureSchema.parse(JSON.parse(readFileSync(FIXTURE_PATH, "utf8")));
}

type Leaf = { segments: string[]; expression: unknown[] };

/** Our AST in SCIMMY's shape, names camel-cased on the first letter as SCIMMY does. */
export function toScimmyShape(filter: Filter): Record<string, unknown>[] {
  return toDnf(filter, false, []).map(toConjunctObject);
}

function toDnf(filter: Filter, isNegated: boolean, prefix: string[]): Leaf[][] {
  const negate = (expression: unknown[]) => (isNegated ? ["not", ...expression] : expression);
  switch (filter.kind) {
    case "compare":
      return [[leafOf(prefix, filter.path, negate([filter.op, filter.value]))]];
    case "present":
      return [[leafOf(prefix, filter.path, negate(["pr"]))]];
    case "not":
      return toDnf(filter.filter, !isNegated, prefix);
    case "and":
    case "or": {
      const left = toDnf(filter.left, isNegated, prefix);
      const right = toDnf(filter.right, isNegated, prefix);
      // De Morgan: a negated "and" becomes an "or" of negations, and the reverse.
      const isUnion = (filter.kind === "or") !== isNegated;
      return isUnion ? [...left, ...right] : left.flatMap((l) => right.map((r) => [...l, ...r]));
    }
    case "valuePath":
      if (isNegated) throw new Error("SCIMMY's shape cannot express a negated value filter");
      return toDnf(filter.filter, false, [...prefix, ...segmentsOf(filter.path)]);
  }
}

function leafOf(prefix: string[], attr: AttrPath, expression: unknown[]): Leaf {
  return { segments: [...prefix, ...segmentsOf(attr)], expression };
}

function segmentsOf(attr: AttrPath): string[] {
  const name = attr.uri === undefined ? attr.name : `${attr.uri}:${attr.name}`;
  return (attr.subAttr === undefined ? [name] : [name, attr.subAttr]).map(lowerFirst);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function toConjunctObject(leaves: Leaf[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { segments, expression } of leaves) {
    const parents = segments.slice(0, -1);
    const key = segments.at(-1);
    if (key === undefined) throw new Error("Leaf without a name");
    let node = root;
    for (const parent of parents) {
      const child = node[parent] ?? {};
      if (!isRecord(child)) throw new Error(`"${parent}" is both compared and nested`);
      node[parent] = child;
      node = child;
    }
    node[key] = mergeExpression(node[key], expression, key);
  }
  return root;
}

function mergeExpression(existing: unknown, expression: unknown[], key: string): unknown {
  if (existing === undefined) return expression;
  if (!isList(existing)) throw new Error(`"${key}" is both compared and nested`);
  return isList(existing[0]) ? [...existing, expression] : [existing, expression];
}

/** SCIMMY's shape as our AST; nested objects become value filters, "np" becomes `not pr`. */
export function fromScimmyShape(node: unknown): Filter {
  if (!isList(node)) return fromConjunct(node);
  return foldFilters("or", node.map(fromConjunct));
}

function fromConjunct(node: unknown): Filter {
  if (!isRecord(node)) throw new Error(`Expected an object, got ${JSON.stringify(node)}`);
  return foldFilters(
    "and",
    Object.entries(node).map(([name, value]) => fromEntry({ name }, value)),
  );
}

function fromEntry(path: AttrPath, value: unknown): Filter {
  if (isRecord(value)) return { kind: "valuePath", path, filter: fromConjunct(value) };
  if (!isList(value)) throw new Error(`Unsupported SCIMMY node ${JSON.stringify(value)}`);
  const expressions = value.filter(isList);
  if (expressions.length === 0) return fromExpression(path, value);
  if (expressions.length < value.length) {
    throw new Error(`Unsupported SCIMMY node ${JSON.stringify(value)}`);
  }
  return foldFilters(
    "and",
    expressions.map((item) => fromExpression(path, item)),
  );
}

function fromExpression(path: AttrPath, parts: unknown[]): Filter {
  const [op, ...rest] = parts;
  if (typeof op !== "string") throw new Error(`Unsupported SCIMMY node ${JSON.stringify(parts)}`);
  const lower = op.toLowerCase();
  if (lower === "not") return { kind: "not", filter: fromExpression(path, rest) };
  if (lower === "pr") return { kind: "present", path };
  if (lower === "np") return { kind: "not", filter: { kind: "present", path } };
  if (!isCompareOp(lower)) throw new Error(`Unsupported SCIMMY operator "${op}"`);
  return { kind: "compare", path, op: lower, value: toCompValue(rest[0]) };
}

function toCompValue(value: unknown): CompValue {
  if (value === null || typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value;
  throw new Error(`Unsupported SCIMMY value ${JSON.stringify(value)}`);
}

function foldFilters(kind: "and" | "or", filters: Filter[]): Filter {
  const [first, ...rest] = filters;
  if (first === undefined) throw new Error(`Empty SCIMMY "${kind}"`);
  return rest.reduce<Filter>((left, right) => ({ kind, left, right }), first);
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
