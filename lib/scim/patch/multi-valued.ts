import type { AttributeDef } from "../schemas";
import { isDeepEqual } from "../values/deep-equal";
import { isScimObject, type ScimValue } from "../values/types";

/** Multi-valued attributes whose elements are identified by `value` alone. */
const IDENTIFIED_BY_VALUE: ReadonlySet<string> = new Set(["members"]);

function isSameElement(def: AttributeDef, left: ScimValue, right: ScimValue): boolean {
  if (IDENTIFIED_BY_VALUE.has(def.name) && isScimObject(left) && isScimObject(right)) {
    return left.value !== undefined && left.value === right.value;
  }
  return isDeepEqual(left, right);
}

/**
 * Appends the incoming elements not already present. RFC 7644 §3.5.2.1: adding a value that is
 * already there changes nothing; a member is already there when its `value` is.
 */
export function appendElements(
  def: AttributeDef,
  existing: readonly ScimValue[],
  incoming: readonly ScimValue[],
): ScimValue[] {
  const elements = [...existing];
  for (const element of incoming) {
    if (!elements.some((present) => isSameElement(def, present, element))) elements.push(element);
  }
  return elements;
}

/** The index of the last element at or after `from` whose primary is true, if any. */
export function lastPrimaryIndex(elements: readonly ScimValue[], from: number): number | undefined {
  for (let i = elements.length - 1; i >= from; i -= 1) {
    const element = elements[i];
    if (isScimObject(element) && element.primary === true) return i;
  }
  return undefined;
}
