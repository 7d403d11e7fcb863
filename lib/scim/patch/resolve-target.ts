import { badRequest } from "../errors";
import type { Filter, PatchPath } from "../filter/ast";
import { FilterSyntaxError, parsePatchPath } from "../filter/parse-filter";
import {
  findAttribute,
  resolveAttribute,
  schemasOf,
  type AttributeDef,
  type ResourceKind,
} from "../schemas";
import type { AttributeTarget, Target } from "./types";

function parsePath(text: string): PatchPath {
  try {
    return parsePatchPath(text);
  } catch (error) {
    // RFC 7644 §3.12: a malformed "path" is invalidPath.
    if (error instanceof FilterSyntaxError) {
      throw badRequest("invalidPath", `Invalid path "${text}": ${error.message}`);
    }
    throw error;
  }
}

/** Every attribute name a value filter compares must be a sub-attribute of the filtered one. */
function checkFilterNames(def: AttributeDef, filter: Filter, label: string): void {
  switch (filter.kind) {
    case "and":
    case "or":
      checkFilterNames(def, filter.left, label);
      checkFilterNames(def, filter.right, label);
      return;
    case "not":
      checkFilterNames(def, filter.filter, label);
      return;
    default:
      if (!findAttribute(def.subAttributes ?? [], filter.path.name)) {
        throw badRequest(
          "invalidPath",
          `"${filter.path.name}" in "${label}" is not a sub-attribute of ${def.name}`,
        );
      }
  }
}

function toTarget(kind: ResourceKind, path: PatchPath, label: string): AttributeTarget | undefined {
  if (path.attr.subAttr !== undefined && path.subAttr !== undefined) {
    throw badRequest("invalidPath", `"${label}" names a sub-attribute twice`);
  }
  const subAttr = path.attr.subAttr ?? path.subAttr;
  const resolved = resolveAttribute(kind, { ...path.attr, ...(subAttr ? { subAttr } : {}) });
  if (!resolved) return undefined;
  const { def, sub } = resolved;
  if (path.filter) {
    if (!def.multiValued) {
      throw badRequest("invalidPath", `"${label}" filters ${def.name}, which is single-valued`);
    }
    checkFilterNames(def, path.filter, label);
  }
  return {
    kind: "attribute",
    ...(resolved.isExtension && resolved.schema ? { extension: resolved.schema } : {}),
    def,
    ...(sub ? { sub } : {}),
    ...(path.filter ? { filter: path.filter } : {}),
    label,
  };
}

/**
 * Resolves a PATCH path, or a key of a path-less value, against the kind's schemas. Returns
 * undefined when the path is well-formed but names no attribute of those schemas.
 */
export function findTarget(kind: ResourceKind, text: string, uri?: string): Target | undefined {
  const lowered = text.toLowerCase();
  const schemas = schemasOf(kind);
  const schema = uri
    ? undefined
    : schemas.find((candidate) => candidate.id.toLowerCase() === lowered);
  if (schema) return { kind: "schema", schema, isExtension: schema !== schemas[0] };
  const path = parsePath(text);
  const attr = uri && path.attr.uri === undefined ? { ...path.attr, uri } : path.attr;
  return toTarget(kind, { ...path, attr }, uri ? `${uri}:${text}` : text);
}

/** Like findTarget, but an unknown attribute is a 400 invalidPath (RFC 7644 §3.12). */
export function requireTarget(kind: ResourceKind, text: string): Target {
  const target = findTarget(kind, text);
  if (!target) {
    throw badRequest("invalidPath", `"${text}" does not name an attribute of the ${kind} schemas`);
  }
  return target;
}
