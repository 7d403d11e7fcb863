import { badRequest } from "../errors";
import { schemasOf, type ResourceKind } from "../schemas";
import { isScimObject, type ScimObject, type ScimValue } from "./types";

function isAssigned(value: ScimValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * RFC 7643 §2.2: required attributes (userName for a User, displayName for a Group) must be
 * present. Extension requirements apply only when the resource carries that extension.
 */
export function checkRequired(kind: ResourceKind, resource: ScimObject): void {
  const [core, ...extensions] = schemasOf(kind);
  const containers: [ScimObject, typeof core][] = [[resource, core]];
  for (const extension of extensions) {
    const holder = resource[extension.id];
    if (isScimObject(holder)) containers.push([holder, extension]);
  }
  for (const [holder, schema] of containers) {
    for (const def of schema?.attributes ?? []) {
      if (def.required && !isAssigned(holder[def.name])) {
        throw badRequest("invalidValue", `${def.name} is required`);
      }
    }
  }
}
