import type { Filter } from "./filter/ast";
import { parsePatchPath } from "./filter/parse-filter";
import { matchesElement } from "./patch/match-elements";
import { findSchema, resolveAttribute, type AttributeDef, type ResourceKind } from "./schemas";
import type { ScimObject, ScimValue } from "./values/types";

/** A parsed `attributes` or `excludedAttributes` entry: where the value sits in the resource. */
type ProjectionPath = {
  container: string | undefined;
  name: string;
  subAttr?: string;
  /** `emails[type eq "work"]`: only the elements the filter matches. */
  filter?: { def: AttributeDef; filter: Filter };
};

export type Projection = {
  attributes: ProjectionPath[] | undefined;
  excluded: ProjectionPath[];
};

const ALWAYS_RETURNED = new Set(["id", "schemas"]);

function parsePaths(kind: ResourceKind, list: string | undefined): ProjectionPath[] {
  if (!list) return [];
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) => parsePath(kind, entry) ?? []);
}

function parsePath(kind: ResourceKind, entry: string): ProjectionPath | undefined {
  const schema = findSchema(entry);
  if (schema) return { container: schema.id, name: "" };
  if (entry.includes("[")) return parseFilteredPath(kind, entry);
  const colon = entry.lastIndexOf(":");
  const uri = colon > 0 ? entry.slice(0, colon) : undefined;
  const [name = "", subAttr] = entry.slice(colon + 1).split(".");
  const resolved = resolveAttribute(kind, { uri, name, subAttr });
  // RFC 7644 §3.9 leaves unknown names undefined; they simply select nothing.
  if (!resolved) return undefined;
  const container = resolved.isExtension ? resolved.schema : undefined;
  return { container, name: resolved.def.name, subAttr: resolved.sub?.name };
}

/**
 * RFC 7644 §3.9 names attributes only, but Microsoft's validator sends value-filtered entries
 * such as `emails[type eq "work"]`; they select the matching elements.
 */
function parseFilteredPath(kind: ResourceKind, entry: string): ProjectionPath | undefined {
  let parsed;
  try {
    parsed = parsePatchPath(entry);
  } catch {
    return undefined;
  }
  const resolved = resolveAttribute(kind, parsed.attr);
  if (!resolved?.def.multiValued || !parsed.filter) return undefined;
  return {
    container: resolved.isExtension ? resolved.schema : undefined,
    name: resolved.def.name,
    subAttr: parsed.subAttr,
    filter: { def: resolved.def, filter: parsed.filter },
  };
}

/** RFC 7644 §3.9: `attributes` narrows the default set; `excludedAttributes` removes from it. */
export function parseProjection(
  kind: ResourceKind,
  attributes: string | undefined,
  excludedAttributes: string | undefined,
): Projection {
  const selected = parsePaths(kind, attributes);
  return {
    attributes: attributes?.trim() ? selected : undefined,
    excluded: parsePaths(kind, excludedAttributes),
  };
}

/** Whether the projected response will contain the top-level core attribute `name`. */
export function includesAttribute(projection: Projection, name: string): boolean {
  const wanted = name.toLowerCase();
  const matches = (path: ProjectionPath) => !path.container && path.name.toLowerCase() === wanted;
  if (projection.attributes) return projection.attributes.some(matches);
  return !projection.excluded.some((path) => matches(path) && !path.subAttr);
}

export function applyProjection(resource: ScimObject, projection: Projection): ScimObject {
  if (projection.attributes) return selectPaths(resource, projection.attributes);
  if (projection.excluded.length === 0) return resource;
  const result = structuredClone(resource);
  for (const path of projection.excluded) removePath(result, path);
  return result;
}

function selectPaths(resource: ScimObject, paths: ProjectionPath[]): ScimObject {
  const result: ScimObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (ALWAYS_RETURNED.has(key)) result[key] = value;
  }
  for (const path of paths) copyPath(resource, result, path);
  return result;
}

function containerOf(object: ScimObject, path: ProjectionPath, create: boolean) {
  if (!path.container) return object;
  const existing = object[path.container];
  if (isObject(existing)) return existing;
  if (!create) return undefined;
  const fresh: ScimObject = {};
  object[path.container] = fresh;
  return fresh;
}

function copyPath(source: ScimObject, target: ScimObject, path: ProjectionPath): void {
  const from = containerOf(source, path, false);
  if (!from) return;
  if (!path.name) {
    if (path.container) target[path.container] = structuredClone(from);
    return;
  }
  const value = selectElements(from[path.name], path);
  if (value === undefined) return;
  const into = containerOf(target, path, true);
  if (!into) return;
  if (!path.subAttr) {
    into[path.name] = structuredClone(value);
    return;
  }
  into[path.name] = mergeSub(into[path.name], value, path.subAttr);
}

function selectElements(value: ScimValue | undefined, path: ProjectionPath) {
  if (!path.filter || !Array.isArray(value)) return value;
  const { def, filter } = path.filter;
  const matching = value.filter((element) => matchesElement(def, filter, element));
  return matching.length > 0 ? matching : undefined;
}

function mergeSub(existing: ScimValue | undefined, value: ScimValue, sub: string): ScimValue {
  if (Array.isArray(value)) {
    const previous = Array.isArray(existing) ? existing : [];
    return value.map((element, index) => ({
      ...(isObject(previous[index]) ? previous[index] : {}),
      ...pick(element, sub),
    }));
  }
  const picked = isObject(value) ? value[sub] : undefined;
  if (picked === undefined) return existing ?? {};
  return { ...(isObject(existing) ? existing : {}), [sub]: picked };
}

function pick(element: ScimValue, sub: string): ScimObject {
  const picked = isObject(element) ? element[sub] : undefined;
  return picked === undefined ? {} : { [sub]: picked };
}

function removePath(object: ScimObject, path: ProjectionPath): void {
  if (!path.name) {
    if (path.container) delete object[path.container];
    return;
  }
  if (ALWAYS_RETURNED.has(path.name) && !path.container) return;
  const from = containerOf(object, path, false);
  if (!from) return;
  const value = from[path.name];
  const selected = selectElements(value, path);
  if (!path.subAttr && path.filter && Array.isArray(value)) {
    const removed = new Set(Array.isArray(selected) ? selected : []);
    from[path.name] = value.filter((element) => !removed.has(element));
    return;
  }
  if (!path.subAttr) {
    delete from[path.name];
    return;
  }
  const elements = Array.isArray(selected) ? selected : [selected];
  for (const element of elements) {
    if (isObject(element)) delete element[path.subAttr];
  }
}

function isObject(value: unknown): value is ScimObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
