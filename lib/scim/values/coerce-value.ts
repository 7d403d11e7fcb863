import { badRequest } from "../errors";
import { findAttribute, findSchema, type AttributeDef } from "../schemas";
import { coerceScalar } from "./coerce-scalar";
import { enforceSinglePrimary } from "./enforce-single-primary";
import { isScimObject, type ScimObject, type ScimValue } from "./types";

/**
 * Values one multi-valued attribute may hold, group members aside (they live in their own
 * table). PATCH compares and rewrites a whole attribute per operation, so this bounds its work.
 */
export const MULTI_VALUED_ELEMENTS_MAX = 1000;

/** Refuses more elements than `MULTI_VALUED_ELEMENTS_MAX` for any attribute but `members`. */
export function assertElementCount(def: AttributeDef, count: number, label: string): void {
  if (def.name === "members" || count <= MULTI_VALUED_ELEMENTS_MAX) return;
  throw badRequest(
    "invalidValue",
    `Attribute "${label}" may hold at most ${MULTI_VALUED_ELEMENTS_MAX} values, not ${count}`,
  );
}

/**
 * Coerces a client value for `def`, single or multi-valued. Returns undefined for null, which
 * RFC 7643 §2.5 treats as unassigned.
 */
export function coerceAttribute(
  def: AttributeDef,
  value: unknown,
  label: string,
  notes: Set<string>,
): ScimValue | undefined {
  if (value === null) return undefined;
  if (def.multiValued) return coerceMultiValued(def, value, label, notes);
  if (Array.isArray(value)) {
    if (value.length !== 1)
      throw badRequest("invalidValue", `Attribute "${label}" is single-valued`);
    notes.add("single-value-unwrapped");
    return coerceAttribute(def, value[0], label, notes);
  }
  return coerceSingleValue(def, value, label, notes);
}

function coerceMultiValued(
  def: AttributeDef,
  value: unknown,
  label: string,
  notes: Set<string>,
): ScimValue[] {
  if (!Array.isArray(value)) notes.add("single-value-wrapped");
  const items: unknown[] = Array.isArray(value) ? value : [value];
  assertElementCount(def, items.length, label);
  // An element with nothing Roster knows in it (`{}`, or only unknown keys) is no value at all;
  // a member without one is refused where members are read.
  const elements = items
    .filter((item) => item !== null)
    .map((item) => coerceSingleValue(def, item, label, notes))
    .filter((element) => def.name === "members" || !isEmptyValue(element));
  const { elements: fixed, changed } = enforceSinglePrimary(elements);
  if (changed) notes.add("multiple-primary");
  return fixed;
}

/** Coerces one value of `def`; for a multi-valued attribute, one element. */
export function coerceSingleValue(
  def: AttributeDef,
  value: unknown,
  label: string,
  notes: Set<string>,
): ScimValue {
  if (def.type !== "complex") return coerceScalar(def, value, label, notes);
  const subAttributes = def.subAttributes ?? [];
  // Entra ID sends the enterprise manager as the bare id string rather than `{ value }`.
  if (typeof value === "string" && findAttribute(subAttributes, "value")) {
    notes.add(def.name === "manager" ? "bare-manager-id" : "bare-complex-value");
    return coerceComplex(subAttributes, { value }, label, notes);
  }
  if (!isScimObject(value)) {
    throw badRequest("invalidValue", `Attribute "${label}" must be a complex object`);
  }
  return coerceComplex(subAttributes, value, label, notes);
}

/** RFC 7643 §2.5: null, an empty array and (here) an empty complex value all mean unassigned. */
function isEmptyValue(value: ScimValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isScimObject(value) && Object.keys(value).length === 0;
}

/**
 * Canonicalises and coerces the members of a complex value. Unknown names are dropped, and so
 * are readOnly ones: RFC 7643 §2.2 has the server ignore readOnly values a client supplies.
 */
export function coerceComplex(
  attributes: readonly AttributeDef[],
  input: ScimObject,
  label: string,
  notes: Set<string>,
): ScimObject {
  const output: ScimObject = {};
  for (const [key, raw] of Object.entries(input)) {
    const def = findAttribute(attributes, key);
    if (!def) {
      notes.add("unknown-attribute");
      continue;
    }
    if (def.name !== key) notes.add("attribute-case");
    if (def.mutability === "readOnly") continue;
    const value = coerceAttribute(def, raw, joinLabel(label, def.name), notes);
    if (value !== undefined && !isEmptyValue(value)) output[def.name] = value;
  }
  return output;
}

/** Names an attribute in messages: `name.givenName`, or `urn:…:User:manager` under a schema. */
export function joinLabel(parent: string, name: string): string {
  if (parent === "") return name;
  return findSchema(parent) ? `${parent}:${name}` : `${parent}.${name}`;
}
