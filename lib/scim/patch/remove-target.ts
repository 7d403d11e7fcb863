import { badRequest } from "../errors";
import type { AttributeDef } from "../schemas";
import { deleteKey, readKey } from "../values/object-keys";
import { isScimObject, type ScimObject, type ScimValue } from "../values/types";
import { holderOf, pruneHolder, setOrDelete } from "./holder";
import { matchesElement, matchesTemplate } from "./match-elements";
import { assertRemovable, assertWritable } from "./mutability";
import type { AttributeTarget, PatchState } from "./types";

/**
 * Applies remove (RFC 7644 §3.5.2.2). Removing what is not there changes nothing. §3.12 Table 9
 * describes noTarget for a filter matching nothing, but IdPs retry removals, so an unmatched
 * filter is treated as already removed.
 */
export function removeTarget(state: PatchState, target: AttributeTarget, value: unknown): void {
  const { def, sub } = target;
  if (def.mutability === "readOnly" || sub?.mutability === "readOnly") {
    throw badRequest("mutability", `Attribute "${target.label}" is readOnly`);
  }
  const holder = holderOf(state, target);
  if (target.filter || (sub && def.multiValued)) {
    removeFromElements(target, holder);
  } else if (sub) {
    removeSubAttribute(target, sub, holder);
  } else if (def.multiValued && value !== undefined && value !== null) {
    state.notes.add("remove-by-value");
    removeByValue(target, holder, value);
  } else {
    assertRemovable(def, readKey(holder, def.name), target.label);
    deleteKey(holder, def.name);
  }
  pruneHolder(state, target);
}

function removeSubAttribute(target: AttributeTarget, sub: AttributeDef, holder: ScimObject) {
  const { def, label } = target;
  const before = readKey(holder, def.name);
  if (!isScimObject(before)) return;
  assertRemovable(sub, readKey(before, sub.name), label);
  const after = { ...before };
  deleteKey(after, sub.name);
  assertWritable(def, before, after, def.name);
  setOrDelete(holder, def.name, after);
}

function removeFromElements(target: AttributeTarget, holder: ScimObject): void {
  const { def, sub, filter, label } = target;
  const before = readKey(holder, def.name);
  if (!Array.isArray(before)) return;
  const isMatch = (element: ScimValue) => !filter || matchesElement(def, filter, element);
  const after = sub
    ? before.map((element) => (isMatch(element) ? withoutSub(sub, element, label) : element))
    : before.filter((element) => !isMatch(element));
  assertWritable(def, before, after, label);
  setOrDelete(holder, def.name, after);
}

function withoutSub(sub: AttributeDef, element: ScimValue, label: string): ScimValue {
  if (!isScimObject(element)) return element;
  assertRemovable(sub, readKey(element, sub.name), label);
  const next = { ...element };
  deleteKey(next, sub.name);
  return next;
}

/**
 * RFC 7644 §3.5.2.2 selects what to remove by path alone, but Entra ID and others name the
 * elements in `value` (`path: "members", value: [{ value: "id" }]`); those elements are removed.
 */
function removeByValue(target: AttributeTarget, holder: ScimObject, value: unknown): void {
  const { def, label } = target;
  const before = readKey(holder, def.name);
  if (!Array.isArray(before)) return;
  const templates: unknown[] = Array.isArray(value) ? value : [value];
  const after = before.filter(
    (element) => !templates.some((t) => matchesTemplate(def, t, element)),
  );
  assertWritable(def, before, after, label);
  setOrDelete(holder, def.name, after);
}
