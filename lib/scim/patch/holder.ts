import { readKey, writeKey, deleteKey } from "../values/object-keys";
import { isScimObject, type ScimObject, type ScimValue } from "../values/types";
import type { AttributeTarget, PatchState } from "./types";

/** The object holding the target attribute: the resource, or its extension object (created). */
export function holderOf(state: PatchState, target: AttributeTarget): ScimObject {
  if (!target.extension) return state.resource;
  const existing = readKey(state.resource, target.extension);
  if (isScimObject(existing)) {
    writeKey(state.resource, target.extension, existing);
    return existing;
  }
  const created: ScimObject = {};
  state.resource[target.extension] = created;
  return created;
}

/** An extension object left without attributes is dropped, like any unassigned value. */
export function pruneHolder(state: PatchState, target: AttributeTarget): void {
  if (!target.extension) return;
  const holder = state.resource[target.extension];
  if (isScimObject(holder) && Object.keys(holder).length === 0)
    delete state.resource[target.extension];
}

/** Writes `value` under `name`, or drops the key when the value is unassigned (RFC 7643 §2.5). */
export function setOrDelete(holder: ScimObject, name: string, value: ScimValue | undefined): void {
  const isEmpty =
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isScimObject(value) && Object.keys(value).length === 0);
  if (isEmpty) deleteKey(holder, name);
  else writeKey(holder, name, value);
}
