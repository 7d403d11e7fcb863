import type { AttrPath, CompareOp, CompValue, Filter } from "../ast";

/** Terse AST builders for test tables. A string path is a plain attribute name. */
type PathLike = AttrPath | string;

const toPath = (path: PathLike): AttrPath => (typeof path === "string" ? { name: path } : path);

export const sub = (name: string, subAttr: string): AttrPath => ({ name, subAttr });

export const cmp = (path: PathLike, op: CompareOp, value: CompValue): Filter => ({
  kind: "compare",
  path: toPath(path),
  op,
  value,
});

export const pr = (path: PathLike): Filter => ({ kind: "present", path: toPath(path) });

export const and = (left: Filter, right: Filter): Filter => ({ kind: "and", left, right });

export const or = (left: Filter, right: Filter): Filter => ({ kind: "or", left, right });

export const not = (filter: Filter): Filter => ({ kind: "not", filter });

export const vp = (path: PathLike, filter: Filter): Filter => ({
  kind: "valuePath",
  path: toPath(path),
  filter,
});
