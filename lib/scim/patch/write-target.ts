import { badRequest } from "../errors";
import type { AttributeDef } from "../schemas";
import {
  assertElementCount,
  coerceAttribute,
  coerceSingleValue,
  joinLabel,
} from "../values/coerce-value";
import { isDeepEqual } from "../values/deep-equal";
import { enforceSinglePrimary } from "../values/enforce-single-primary";
import { readKey } from "../values/object-keys";
import { isScimObject, type ScimObject, type ScimValue } from "../values/types";
import { holderOf, pruneHolder, setOrDelete } from "./holder";
import { elementFromFilter, matchesElement } from "./match-elements";
import { appendElements } from "./multi-valued";
import { assertSubAttributesWritable, assertWritable, protectedSubAttributes } from "./mutability";
import type { AttributeTarget, PatchState } from "./types";

type WriteOp = "add" | "replace";

/** Applies add (RFC 7644 §3.5.2.1) or replace (§3.5.2.3) of a non-null value to a target. */
export function writeTarget(
  state: PatchState,
  op: WriteOp,
  target: AttributeTarget,
  value: unknown,
): void {
  const holder = holderOf(state, target);
  checkReadOnlyTarget(holder, target, value);
  if (target.filter || (target.sub && target.def.multiValued)) {
    writeElements(state, op, target, holder, value);
  } else if (target.sub) {
    writeSubAttribute(state, target, target.sub, holder, value);
  } else {
    writeAttribute(state, op, target, holder, value);
  }
  pruneHolder(state, target);
}

const isUnassigned = (value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/**
 * Rewriting a readOnly attribute with its current value changes nothing, so it is allowed: Okta
 * echoes the unchanged `id` in path-less replaces. Any other write is a mutability error.
 */
function checkReadOnlyTarget(holder: ScimObject, target: AttributeTarget, value: unknown) {
  const { def, sub } = target;
  if (def.mutability !== "readOnly" && sub?.mutability !== "readOnly") return;
  const current = readKey(holder, def.name);
  const shown = sub ? (isScimObject(current) ? readKey(current, sub.name) : undefined) : current;
  const isUnchanged = isDeepEqual(shown, value) || (isUnassigned(shown) && isUnassigned(value));
  if (target.filter || !isUnchanged) {
    throw badRequest("mutability", `Attribute "${target.label}" is readOnly`);
  }
}

function writeAttribute(
  state: PatchState,
  op: WriteOp,
  target: AttributeTarget,
  holder: ScimObject,
  value: unknown,
): void {
  const { def, label } = target;
  const before = readKey(holder, def.name);
  const coerced = coerceAttribute(def, value, label, state.notes);
  const after = def.multiValued
    ? nextElements(op, def, before, coerced)
    : mergeComplex(def, before, coerced, label);
  assertWritable(def, before, after, label);
  setOrDelete(holder, def.name, after);
}

function nextElements(
  op: WriteOp,
  def: AttributeDef,
  before: ScimValue | undefined,
  coerced: ScimValue | undefined,
): ScimValue[] {
  const incoming = Array.isArray(coerced) ? coerced : coerced === undefined ? [] : [coerced];
  // RFC 7644 §3.5.2.3: replacing a multi-valued attribute without a filter replaces every value.
  if (op === "replace") return incoming;
  const existing = Array.isArray(before) ? before : [];
  const { elements, primaryIndex } = appendElements(def, existing, incoming);
  assertElementCount(def, elements.length, def.name);
  return enforceSinglePrimary(elements, primaryIndex).elements;
}

function mergeComplex(
  def: AttributeDef,
  before: ScimValue | undefined,
  coerced: ScimValue | undefined,
  label: string,
): ScimValue | undefined {
  if (def.type !== "complex" || !isScimObject(before) || !isScimObject(coerced)) return coerced;
  // RFC 7644 §3.5.2.1 and §3.5.2.3: sub-attributes absent from the value are left unchanged.
  const merged = { ...before, ...coerced };
  assertSubAttributesWritable(def, before, merged, label);
  return merged;
}

function writeSubAttribute(
  state: PatchState,
  target: AttributeTarget,
  sub: AttributeDef,
  holder: ScimObject,
  value: unknown,
): void {
  const { def, label } = target;
  const before = readKey(holder, def.name);
  const parent = isScimObject(before) ? before : {};
  const after = { ...parent };
  setOrDelete(after, sub.name, coerceAttribute(sub, value, label, state.notes));
  assertWritable(sub, parent[sub.name], after[sub.name], label);
  assertWritable(def, before, after, def.name);
  setOrDelete(holder, def.name, after);
}

/**
 * Writes to the elements a value filter selects (or, for `emails.value` without a filter, to
 * every element). When nothing matches, the element is created from the filter: Entra ID sends
 * `replace emails[type eq "work"].value` to users without a work email and expects one to exist.
 * RFC 7644 §3.5.2.3 would answer noTarget; creating it is the behaviour clients rely on.
 */
function writeElements(
  state: PatchState,
  op: WriteOp,
  target: AttributeTarget,
  holder: ScimObject,
  value: unknown,
): void {
  const { def, filter, label } = target;
  const before = readKey(holder, def.name);
  const elements = Array.isArray(before) ? [...before] : [];
  const isMatch = (element: ScimValue) =>
    isScimObject(element) && (!filter || matchesElement(def, filter, element));
  let matched = elements.flatMap((element, i) => (isMatch(element) ? [i] : []));
  let created = -1;
  if (matched.length === 0) {
    elements.push(filter ? elementFromFilter(def, filter, label, state.notes) : {});
    if (filter) state.notes.add("filter-created-element");
    created = elements.length - 1;
    matched = [created];
    assertElementCount(def, elements.length, def.name);
  }

  const isMatched = new Set(matched);
  const written = elements.map((element, i) =>
    isMatched.has(i) && isScimObject(element)
      ? writeElement(state, op, target, element, value, i === created)
      : element,
  );
  const keep = matched.filter((i) => isPrimary(written[i])).at(-1);
  const after = enforceSinglePrimary(written, keep).elements;
  assertWritable(def, before, after, label);
  setOrDelete(holder, def.name, after);
}

const isPrimary = (element: ScimValue | undefined) =>
  isScimObject(element) && element.primary === true;

function writeElement(
  state: PatchState,
  op: WriteOp,
  target: AttributeTarget,
  element: ScimObject,
  value: unknown,
  isCreated: boolean,
): ScimObject {
  const { def, sub, label } = target;
  const before = isCreated ? undefined : element;
  if (sub) {
    const next = { ...element };
    setOrDelete(
      next,
      sub.name,
      coerceAttribute(sub, value, joinLabel(def.name, sub.name), state.notes),
    );
    assertWritable(sub, before?.[sub.name], next[sub.name], label);
    return next;
  }
  const coerced = coerceSingleValue(def, value, label, state.notes);
  if (!isScimObject(coerced)) throw badRequest("invalidValue", `"${label}" needs an object value`);
  // RFC 7644 §3.5.2.3: replace swaps each matching element whole; add merges into it.
  const base = op === "add" || isCreated ? element : protectedSubAttributes(def, element);
  const next = { ...base, ...coerced };
  assertSubAttributesWritable(def, before, next, label);
  return next;
}
