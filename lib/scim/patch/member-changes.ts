import { badRequest } from "../errors";
import type { Filter } from "../filter/ast";
import type { AttributeDef } from "../schemas";
import { coerceAttribute } from "../values/coerce-value";
import { readKey } from "../values/object-keys";
import { isScimObject } from "../values/types";
import type { AttributeTarget, MemberChange, MemberRef, OpName, PatchState, Target } from "./types";

/** Whether the operation on `target` becomes a MemberChange rather than an in-memory edit. */
export function isExtractedMembers(state: PatchState, target: Target): target is AttributeTarget {
  return (
    state.extractMembers &&
    state.kind === "Group" &&
    target.kind === "attribute" &&
    target.extension === undefined &&
    target.def.name === "members"
  );
}

function toMemberRefs(def: AttributeDef, value: unknown, notes: Set<string>): MemberRef[] {
  const coerced = coerceAttribute(def, value, "members", notes);
  const refs = new Map<string, MemberRef>();
  for (const element of Array.isArray(coerced) ? coerced : []) {
    const id = isScimObject(element) ? element.value : undefined;
    if (!isScimObject(element) || typeof id !== "string" || id === "") {
      throw badRequest("invalidValue", 'Every element of "members" needs a string "value"');
    }
    const type = element.type;
    refs.set(id, typeof type === "string" ? { value: id, type } : { value: id });
  }
  return [...refs.values()];
}

/** `value eq "a"` or an `or` of such comparisons names members by id; anything else does not. */
function valueEqualityIds(filter: Filter): string[] | undefined {
  if (filter.kind === "or") {
    const left = valueEqualityIds(filter.left);
    const right = valueEqualityIds(filter.right);
    return left && right ? [...left, ...right] : undefined;
  }
  const isValueEq =
    filter.kind === "compare" &&
    filter.op === "eq" &&
    filter.path.subAttr === undefined &&
    filter.path.name.toLowerCase() === "value";
  if (!isValueEq || filter.value === null || typeof filter.value === "boolean") return undefined;
  return [String(filter.value)];
}

function idsFromTemplates(value: unknown): string[] {
  const templates: unknown[] = Array.isArray(value) ? value : [value];
  return templates.map((template) => {
    const id = isScimObject(template) ? readKey(template, "value") : template;
    if (typeof id !== "string" || id === "") {
      throw badRequest("invalidValue", 'Members to remove must each carry a string "value"');
    }
    return id;
  });
}

function removal(target: AttributeTarget, value: unknown, notes: Set<string>): MemberChange {
  if (target.filter) {
    const ids = valueEqualityIds(target.filter);
    if (!ids) return { kind: "removeMatching", filter: target.filter };
    return { kind: "remove", ids: [...new Set(ids)] };
  }
  if (value === undefined || value === null) return { kind: "removeAll" };
  notes.add("remove-by-value");
  return { kind: "remove", ids: [...new Set(idsFromTemplates(value))] };
}

/**
 * Translates an operation on Group `members` into a MemberChange, so that a group of any size is
 * patched without loading its members. Member sub-attributes are immutable or readOnly
 * (RFC 7643 §4.2), so a path reaching into individual members can only remove them.
 */
export function toMemberChange(
  state: PatchState,
  op: OpName,
  target: AttributeTarget,
  value: unknown,
): MemberChange | undefined {
  if (target.sub) {
    throw badRequest(
      "mutability",
      `"${target.label}" is not writable; add or remove whole members`,
    );
  }
  if (op === "remove") return removal(target, value, state.notes);
  if (target.filter) {
    throw badRequest("mutability", `"${target.label}": members are added or removed, not edited`);
  }
  if (value === null) return op === "replace" ? { kind: "removeAll" } : undefined;
  const members = toMemberRefs(target.def, value, state.notes);
  if (op === "replace") return { kind: "replaceAll", members };
  return members.length > 0 ? { kind: "add", members } : undefined;
}
