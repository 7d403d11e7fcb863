import type { AttributeDef } from "../schemas";
import { isScimObject, type ScimValue } from "../values/types";

/** Multi-valued attributes whose elements are identified by `value` alone. */
const IDENTIFIED_BY_VALUE: ReadonlySet<string> = new Set(["members"]);

/** A value as compared: a string folded to lower case where the schema says case is no part of it. */
function comparable(def: AttributeDef | undefined, value: ScimValue): string {
  if (typeof value === "string" && def && !def.caseExact && def.type === "string") {
    return JSON.stringify(value.toLowerCase());
  }
  return canonicalJson(value);
}

/** Sorted-key JSON: the same for elements equal under `isDeepEqual`, whatever their key order. */
function canonicalJson(value: ScimValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (!isScimObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(",")}}`;
}

// Elements outlive the operation that added them, so each is keyed once per request.
const elementKeys = new WeakMap<object, string>();

/**
 * What makes two elements the same value: every sub-attribute but `primary`, compared as the
 * schema compares it (`emails.value` "A@x" and "a@x" are one address).
 */
function elementKey(def: AttributeDef, element: ScimValue): string {
  if (!isScimObject(element)) return comparable(def, element);
  if (IDENTIFIED_BY_VALUE.has(def.name) && element.value !== undefined) {
    return `value:${JSON.stringify(element.value)}`;
  }
  let key = elementKeys.get(element);
  if (key === undefined) {
    const parts = Object.keys(element)
      .filter((name) => name !== "primary")
      .sort()
      .map((name) => {
        const subDef = def.subAttributes?.find((sub) => sub.name === name);
        return `${JSON.stringify(name)}:${comparable(subDef, element[name] ?? null)}`;
      });
    key = `{${parts.join(",")}}`;
    elementKeys.set(element, key);
  }
  return key;
}

const isPrimary = (element: ScimValue | undefined) =>
  isScimObject(element) && element.primary === true;

/**
 * Appends the incoming elements not already present. RFC 7644 §3.5.2.1: adding a value that is
 * already there changes nothing, except that one added as primary becomes the primary. A member
 * is already there when its `value` is. Also gives the index of the last element added or made
 * primary, which keeps its primary over the others'.
 */
export function appendElements(
  def: AttributeDef,
  existing: readonly ScimValue[],
  incoming: readonly ScimValue[],
): { elements: ScimValue[]; primaryIndex: number | undefined } {
  const elements = [...existing];
  const indexes = new Map<string, number>();
  existing.forEach((element, i) => {
    const key = elementKey(def, element);
    if (!indexes.has(key)) indexes.set(key, i);
  });
  let primaryIndex: number | undefined;
  for (const element of incoming) {
    const key = elementKey(def, element);
    let at = indexes.get(key);
    if (at === undefined) {
      at = elements.length;
      indexes.set(key, at);
      elements.push(element);
    } else {
      const present = elements[at];
      if (isPrimary(element) && isScimObject(present) && !isPrimary(present)) {
        elements[at] = { ...present, primary: true };
      }
    }
    if (isPrimary(element)) primaryIndex = at;
  }
  return { elements, primaryIndex };
}
