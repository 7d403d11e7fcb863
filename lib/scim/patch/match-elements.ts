import { badRequest } from "../errors";
import type { Filter } from "../filter/ast";
import { matchesFilter, type AttrInfoLookup } from "../filter/match-filter";
import { findAttribute, type AttributeDef } from "../schemas";
import { coerceAttribute, joinLabel } from "../values/coerce-value";
import { isDeepEqual } from "../values/deep-equal";
import { readKey } from "../values/object-keys";
import { isScimObject, type ScimObject, type ScimValue } from "../values/types";

/** Looks names inside `emails[...]` up as sub-attributes of `emails`. */
function elementInfo(def: AttributeDef): AttrInfoLookup {
  return (path) => {
    if (path.uri !== undefined || path.subAttr !== undefined) return undefined;
    return findAttribute(def.subAttributes ?? [], path.name);
  };
}

export function matchesElement(def: AttributeDef, filter: Filter, element: ScimValue): boolean {
  return isScimObject(element) && matchesFilter(filter, element, elementInfo(def));
}

function collectEqualities(filter: Filter, into: [string, ScimValue][]): boolean {
  if (filter.kind === "and") {
    return collectEqualities(filter.left, into) && collectEqualities(filter.right, into);
  }
  if (filter.kind !== "compare" || filter.op !== "eq" || filter.path.subAttr !== undefined) {
    return false;
  }
  into.push([filter.path.name, filter.value]);
  return true;
}

/**
 * Builds the element a value filter describes, for add or replace on a filter that matched
 * nothing: `emails[type eq "work"].value` creates `{ type: "work", value }`. Only filters made
 * of `eq` joined by `and` describe an element; any other yields noTarget (RFC 7644 §3.5.2.3).
 */
export function elementFromFilter(
  def: AttributeDef,
  filter: Filter,
  label: string,
  notes: Set<string>,
): ScimObject {
  const equalities: [string, ScimValue][] = [];
  if (!collectEqualities(filter, equalities)) {
    throw badRequest("noTarget", `"${label}" matched no value, and its filter cannot describe one`);
  }
  const element: ScimObject = {};
  for (const [name, value] of equalities) {
    const sub = findAttribute(def.subAttributes ?? [], name);
    if (!sub) throw badRequest("invalidPath", `"${name}" is not a sub-attribute of ${def.name}`);
    const coerced = coerceAttribute(sub, value, joinLabel(def.name, sub.name), notes);
    if (coerced !== undefined) element[sub.name] = coerced;
  }
  return element;
}

function sameValue(sub: AttributeDef | undefined, actual: ScimValue | undefined, wanted: unknown) {
  if (wanted === null) return actual === undefined || actual === null;
  if (typeof actual === "string" && typeof wanted === "string" && sub && !sub.caseExact) {
    return actual.toLowerCase() === wanted.toLowerCase();
  }
  return isDeepEqual(actual, wanted);
}

/**
 * Whether `element` is the one a remove-by-value template names: every key of the template
 * equals the element's (null meaning absent), and a bare string names the element's `value`.
 */
export function matchesTemplate(def: AttributeDef, template: unknown, element: ScimValue): boolean {
  if (!isScimObject(element)) return isDeepEqual(element, template);
  const subs = def.subAttributes ?? [];
  if (!isScimObject(template)) {
    return sameValue(findAttribute(subs, "value"), readKey(element, "value"), template);
  }
  // A readOnly sub-attribute such as members.display is server-computed and may be stale on
  // either side, so it does not decide which element is meant.
  const keys = Object.entries(template).filter(
    ([name]) => findAttribute(subs, name)?.mutability !== "readOnly",
  );
  return (
    keys.length > 0 &&
    keys.every(([name, wanted]) => {
      const sub = findAttribute(subs, name);
      return sameValue(sub, readKey(element, sub?.name ?? name), wanted);
    })
  );
}
