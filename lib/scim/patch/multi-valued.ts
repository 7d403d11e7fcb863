import type { AttributeDef } from "../schemas";
import { isScimObject, type ScimValue } from "../values/types";

/** Multi-valued attributes whose elements are identified by `value` alone. */
const IDENTIFIED_BY_VALUE: ReadonlySet<string> = new Set(["members"]);

/** Sorted-key JSON: the same for elements equal under `isDeepEqual`, whatever their key order. */
function canonicalJson(value: ScimValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (!isScimObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(",")}}`;
}

// Elements outlive the operation that added them, so each is keyed once per request.
const elementKeys = new WeakMap<object, string>();

function elementKey(def: AttributeDef, element: ScimValue): string {
  if (!isScimObject(element)) return canonicalJson(element);
  if (IDENTIFIED_BY_VALUE.has(def.name) && element.value !== undefined) {
    return `value:${JSON.stringify(element.value)}`;
  }
  let key = elementKeys.get(element);
  if (key === undefined) {
    key = canonicalJson(element);
    elementKeys.set(element, key);
  }
  return key;
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
  const present = new Set(existing.map((element) => elementKey(def, element)));
  for (const element of incoming) {
    const key = elementKey(def, element);
    if (present.has(key)) continue;
    present.add(key);
    elements.push(element);
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
