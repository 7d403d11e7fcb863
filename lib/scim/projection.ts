import { findSchema, resolveAttribute, type ResourceKind } from "./schemas";
import type { ScimObject, ScimValue } from "./values/types";

/** A parsed `attributes` or `excludedAttributes` entry: where the value sits in the resource. */
type ProjectionPath = { container: string | undefined; name: string; subAttr?: string };

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
  const colon = entry.lastIndexOf(":");
  const uri = colon > 0 ? entry.slice(0, colon) : undefined;
  const [name = "", subAttr] = entry.slice(colon + 1).split(".");
  const resolved = resolveAttribute(kind, { uri, name, subAttr });
  // RFC 7644 §3.9 leaves unknown names undefined; they simply select nothing.
  if (!resolved) return undefined;
  const container = resolved.isExtension ? resolved.schema : undefined;
  return { container, name: resolved.def.name, subAttr: resolved.sub?.name };
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
  const value = from[path.name];
  if (value === undefined) return;
  const into = containerOf(target, path, true);
  if (!into) return;
  if (!path.subAttr) {
    into[path.name] = structuredClone(value);
    return;
  }
  into[path.name] = mergeSub(into[path.name], value, path.subAttr);
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
  if (!path.subAttr) {
    delete from[path.name];
    return;
  }
  const value = from[path.name];
  const elements = Array.isArray(value) ? value : [value];
  for (const element of elements) if (isObject(element)) delete element[path.subAttr];
}

function isObject(value: unknown): value is ScimObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
