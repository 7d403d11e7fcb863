import type { AttrPath, CompareOp, CompValue, Filter } from "./ast";

export type AttrType =
  "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "binary" | "complex";

export type AttrInfo = { caseExact: boolean; type: AttrType; multiValued: boolean };

/** Schema lookup; `undefined` for attributes the schema does not define. */
export type AttrInfoLookup = (path: AttrPath) => AttrInfo | undefined;

type Resource = Record<string, unknown>;

const CORE_SCHEMA_PREFIX = "urn:ietf:params:scim:schemas:core:";

const DATE_TIME_WITHOUT_OFFSET = /T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$/;

/**
 * Evaluates a filter against one JSON resource. To test one element of a multi-valued attribute
 * (a PATCH `emails[type eq "work"]`), pass the element, the bracketed filter and
 * `scopeAttrInfo(parentPath, attrInfo)`.
 */
export function matchesFilter(
  filter: Filter,
  resource: Resource,
  attrInfo: AttrInfoLookup,
): boolean {
  const matches = (inner: Filter) => matchesFilter(inner, resource, attrInfo);
  switch (filter.kind) {
    case "and":
      return matches(filter.left) && matches(filter.right);
    case "or":
      return matches(filter.left) || matches(filter.right);
    case "not":
      return !matches(filter.filter);
    case "present":
      return readValues(resource, filter.path).some(isPresentValue);
    case "compare":
      return matchesComparison(filter.path, filter.op, filter.value, resource, attrInfo);
    case "valuePath": {
      const elementInfo = scopeAttrInfo(filter.path, attrInfo);
      const elements = readValues(resource, filter.path).filter(isRecord);
      return elements.some((element) => matchesFilter(filter.filter, element, elementInfo));
    }
  }
}

/**
 * Turns a schema lookup for whole resources into one for elements of `parent`, so that `type`
 * inside `emails[type eq "work"]` is looked up as `emails.type`.
 */
export function scopeAttrInfo(parent: AttrPath, attrInfo: AttrInfoLookup): AttrInfoLookup {
  return (path) => {
    if (parent.subAttr !== undefined || path.uri !== undefined || path.subAttr !== undefined) {
      return undefined;
    }
    return attrInfo({ ...parent, subAttr: path.name });
  };
}

function matchesComparison(
  path: AttrPath,
  op: CompareOp,
  expected: CompValue,
  resource: Resource,
  attrInfo: AttrInfoLookup,
): boolean {
  const { values, info } = comparableValues(resource, path, attrInfo);
  // RFC 7643 §2.5: an unassigned attribute and a null one are equivalent.
  if (expected === null) {
    const isPresent = values.some(isPresentValue);
    return op === "eq" ? !isPresent : op === "ne" ? isPresent : false;
  }
  if (op === "ne") {
    const isEqual = (value: unknown) => compareValue(value, "eq", expected, info);
    return values.length === 0 || !values.every(isEqual);
  }
  // RFC 7644 §3.4.2.2: a multi-valued attribute matches if any of its values matches.
  return values.some((value) => compareValue(value, op, expected, info));
}

/**
 * A comparison on a complex attribute without a sub-attribute (`emails co "x"`) compares each
 * element's "value", the sub-attribute RFC 7643 §2.4 names the attribute's significant value.
 */
function comparableValues(
  resource: Resource,
  path: AttrPath,
  attrInfo: AttrInfoLookup,
): { values: unknown[]; info: AttrInfo | undefined } {
  const values = readValues(resource, path);
  if (path.subAttr !== undefined || !values.some(isRecord)) {
    return { values, info: attrInfo(path) };
  }
  const inner = values.flatMap((value) =>
    isRecord(value) ? toList(readKey(value, "value")) : [value],
  );
  return { values: inner, info: attrInfo({ ...path, subAttr: "value" }) };
}

function compareValue(
  actual: unknown,
  op: CompareOp,
  expected: CompValue,
  info: AttrInfo | undefined,
): boolean {
  const type = info?.type ?? inferType(actual);
  if (type === "boolean") {
    return op === "eq" && typeof actual === "boolean" && actual === expected;
  }
  if (type === "integer" || type === "decimal") {
    if (typeof actual !== "number" || typeof expected !== "number") return false;
    return compareOrdered(actual - expected, op);
  }
  if (typeof actual !== "string" || typeof expected !== "string") return false;
  if (type === "dateTime" && op !== "co" && op !== "sw" && op !== "ew") {
    return compareOrdered(toInstantMs(actual) - toInstantMs(expected), op);
  }
  if (info?.caseExact === true) return compareStrings(actual, op, expected);
  return compareStrings(actual.toLowerCase(), op, expected.toLowerCase());
}

function compareStrings(actual: string, op: CompareOp, expected: string): boolean {
  if (op === "co") return actual.includes(expected);
  if (op === "sw") return actual.startsWith(expected);
  if (op === "ew") return actual.endsWith(expected);
  // RFC 7644 §3.4.2.2: ordering operators compare strings lexicographically.
  return compareOrdered(actual < expected ? -1 : actual > expected ? 1 : 0, op);
}

/** `difference` is NaN when either side could not be read, and then nothing matches. */
function compareOrdered(difference: number, op: CompareOp): boolean {
  switch (op) {
    case "eq":
      return difference === 0;
    case "ne":
      return difference !== 0 && !Number.isNaN(difference);
    case "gt":
      return difference > 0;
    case "ge":
      return difference >= 0;
    case "lt":
      return difference < 0;
    case "le":
      return difference <= 0;
    default:
      return false;
  }
}

/** RFC 7643 §2.3.5: dateTime is xsd:dateTime; one without an offset is read as UTC. */
function toInstantMs(text: string): number {
  if (!/^[0-9]{4}-/.test(text)) return Number.NaN;
  return Date.parse(DATE_TIME_WITHOUT_OFFSET.test(text) ? `${text}Z` : text);
}

function inferType(value: unknown): AttrType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "decimal";
  return isRecord(value) ? "complex" : "string";
}

/** Values of `path`, with multi-valued attributes flattened and null values dropped. */
function readValues(resource: Resource, path: AttrPath): unknown[] {
  const scope = path.uri === undefined ? resource : schemaScope(resource, path.uri);
  const values = toList(readKey(scope, path.name));
  const { subAttr } = path;
  if (subAttr === undefined) return values;
  return values.flatMap((value) => (isRecord(value) ? toList(readKey(value, subAttr)) : []));
}

/**
 * RFC 7643 §3: extension attributes sit in a sub-object keyed by their schema URN, core ones at
 * the top level; an extension the resource lacks holds no values.
 */
function schemaScope(resource: Resource, uri: string): Resource {
  const extension = readKey(resource, uri);
  if (isRecord(extension)) return extension;
  return uri.toLowerCase().startsWith(CORE_SCHEMA_PREFIX) ? resource : {};
}

/** RFC 7644 §3.4.2.2: attribute names are case-insensitive. */
function readKey(record: Resource, key: string): unknown {
  if (Object.hasOwn(record, key)) return record[key];
  const lower = key.toLowerCase();
  const match = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return match === undefined ? undefined : record[match];
}

function toList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [value];
  return value.filter((item) => item !== null && item !== undefined);
}

/** RFC 7644 §3.4.2.2 "pr": a non-empty value, or a complex one with a non-empty sub-attribute. */
function isPresentValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.some(isPresentValue);
  if (isRecord(value)) return Object.values(value).some(isPresentValue);
  return true;
}

function isRecord(value: unknown): value is Resource {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
