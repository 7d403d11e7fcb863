import { badRequest, ScimError } from "../errors";
import { cloneValue } from "../values/clone-value";
import { findKey } from "../values/object-keys";
import type { ScimObject } from "../values/types";
import { isScimObject } from "../values/types";
import { isExtractedMembers, toMemberChange } from "./member-changes";
import { parseOperation } from "./parse-patch-request";
import { removeTarget } from "./remove-target";
import { findTarget, requireTarget } from "./resolve-target";
import type { OpName, PatchOptions, PatchResult, PatchState, Target } from "./types";
import { writeTarget } from "./write-target";

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a copy of `resource`. Operations run in order
 * and the first invalid one throws a ScimError, so the caller keeps all or nothing.
 */
export function applyPatch(
  resource: ScimObject,
  operations: readonly unknown[],
  options: PatchOptions,
): PatchResult {
  const state: PatchState = {
    kind: options.kind,
    resource: cloneValue(resource),
    extractMembers: options.extractMembers,
    memberChanges: [],
    notes: new Set(),
  };
  operations.forEach((raw, index) => {
    try {
      applyOperation(state, raw);
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      throw new ScimError(error.status, `Operations[${index}]: ${error.message}`, error.scimType);
    }
  });
  return { resource: state.resource, memberChanges: state.memberChanges, notes: [...state.notes] };
}

function applyOperation(state: PatchState, raw: unknown): void {
  const { op, path, value } = parseOperation(raw, state.notes);
  if (path !== undefined) {
    applyToTarget(state, op, requireTarget(state.kind, path), value);
    return;
  }
  // RFC 7644 §3.5.2.2: a remove without a path fails with noTarget.
  if (op === "remove") throw badRequest("noTarget", '"remove" requires a "path"');
  applyToObject(state, op, value);
}

function applyToTarget(state: PatchState, op: OpName, target: Target, value: unknown): void {
  if (isExtractedMembers(state, target)) {
    const change = toMemberChange(state, op, target, value);
    if (change) state.memberChanges.push(change);
    return;
  }
  // RFC 7643 §2.5: null is unassigned, so replacing with null removes and adding null is a no-op.
  const isRemoval = op === "remove" || (op === "replace" && value === null);
  if (value === null && op === "add") return;
  if (target.kind === "schema") {
    if (isRemoval) removeSchema(state, target);
    else applyToObject(state, op, value, target.schema.id);
    return;
  }
  if (isRemoval) removeTarget(state, target, op === "remove" ? value : undefined);
  else writeTarget(state, op, target, value);
}

function removeSchema(state: PatchState, target: Extract<Target, { kind: "schema" }>): void {
  if (!target.isExtension) {
    throw badRequest("invalidPath", `The core schema ${target.schema.id} cannot be removed`);
  }
  const key = findKey(state.resource, target.schema.id);
  if (key !== undefined) delete state.resource[key];
}

/**
 * Applies a path-less add or replace, or one whose path is a schema URN: each key of the value
 * object is a target in its own right. Keys may be paths (`name.givenName`,
 * `emails[type eq "work"].value`) or URN-qualified names, as Entra ID sends them.
 */
function applyToObject(state: PatchState, op: "add" | "replace", value: unknown, uri?: string) {
  if (!isScimObject(value)) {
    throw badRequest("invalidValue", `"${op}" without a path needs an object "value"`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.toLowerCase() === "schemas") continue;
    const target = findTarget(state.kind, key, uri);
    if (!target) {
      state.notes.add("unknown-attribute");
      continue;
    }
    noteKeyShape(state.notes, key, target);
    if (isServerComputed(target)) continue;
    applyToTarget(state, op, target, item);
  }
}

/**
 * `meta` and a user's `groups` inside a path-less value are the server's own, echoed by clients
 * that PATCH back a resource they read; like PUT (RFC 7644 §3.5.1), they are ignored there. A
 * path naming them is still refused, and `id` is still checked against the resource's.
 */
function isServerComputed(target: Target): boolean {
  if (target.kind !== "attribute" || target.def.name === "id") return false;
  return (target.sub ?? target.def).mutability === "readOnly";
}

function noteKeyShape(notes: Set<string>, key: string, target: Target): void {
  if (target.kind === "schema") return;
  if (key.toLowerCase().startsWith("urn:")) notes.add("urn-qualified-key");
  else if (/[.[]/.test(key)) notes.add("path-in-value");
  else if (target.def.name !== key) notes.add("attribute-case");
}
