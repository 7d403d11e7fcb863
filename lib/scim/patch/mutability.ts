import { badRequest } from "../errors";
import type { AttributeDef } from "../schemas";
import { joinLabel } from "../values/coerce-value";
import { isDeepEqual } from "../values/deep-equal";
import type { ScimObject, ScimValue } from "../values/types";

const isAssigned = (value: ScimValue | undefined): value is Exclude<ScimValue, null> =>
  value !== undefined && value !== null;

/**
 * RFC 7644 §3.5.2: operations must respect mutability. A readOnly attribute never changes and an
 * immutable one may only be given a value when it has none; rewriting the same value is allowed.
 */
export function assertWritable(
  def: AttributeDef,
  before: ScimValue | undefined,
  after: ScimValue | undefined,
  label: string,
): void {
  if (isDeepEqual(before, after)) return;
  if (def.mutability === "readOnly") {
    throw badRequest("mutability", `Attribute "${label}" is readOnly`);
  }
  if (def.mutability === "immutable" && isAssigned(before)) {
    throw badRequest("mutability", `Attribute "${label}" is immutable and already has a value`);
  }
}

/**
 * RFC 7644 §3.5.2.2: removing a required or readOnly attribute is a mutability error, and §3.5.2
 * forbids changing an immutable one that has a value.
 */
export function assertRemovable(def: AttributeDef, before: ScimValue | undefined, label: string) {
  if (def.required) {
    throw badRequest("mutability", `Attribute "${label}" is required and cannot be removed`);
  }
  if (def.mutability === "readOnly") {
    throw badRequest("mutability", `Attribute "${label}" is readOnly`);
  }
  assertWritable(def, before, undefined, label);
}

/** Checks each sub-attribute of a complex value that `after` writes over `before`. */
export function assertSubAttributesWritable(
  def: AttributeDef,
  before: ScimObject | undefined,
  after: ScimObject,
  label: string,
): void {
  for (const sub of def.subAttributes ?? []) {
    assertWritable(sub, before?.[sub.name], after[sub.name], joinLabel(label, sub.name));
  }
}

/**
 * The sub-attributes a client cannot overwrite (readOnly, and immutable once set), kept when a
 * whole element is replaced so that the replacement does not silently drop them.
 */
export function protectedSubAttributes(def: AttributeDef, element: ScimObject): ScimObject {
  const kept: ScimObject = {};
  for (const sub of def.subAttributes ?? []) {
    const value = element[sub.name];
    const isProtected = sub.mutability === "readOnly" || sub.mutability === "immutable";
    if (isProtected && isAssigned(value)) kept[sub.name] = value;
  }
  return kept;
}
