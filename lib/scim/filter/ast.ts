/**
 * The filter AST shared by the parser (RFC 7644 §3.4.2.2), the SQL compiler and the PATCH engine.
 * Attribute names keep the client's spelling; consumers compare them case-insensitively.
 */
export type AttrPath = {
  /** Schema URN prefix, e.g. the enterprise extension URN, when the client qualified the name. */
  uri?: string;
  name: string;
  subAttr?: string;
};

export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

export type CompValue = string | number | boolean | null;

export type Filter =
  | { kind: "compare"; path: AttrPath; op: CompareOp; value: CompValue }
  | { kind: "present"; path: AttrPath }
  | { kind: "and"; left: Filter; right: Filter }
  | { kind: "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter }
  /** `emails[type eq "work"]`: some element of a multi-valued attribute matches `filter`. */
  | { kind: "valuePath"; path: AttrPath; filter: Filter };

/** A PATCH path (RFC 7644 §3.5.2): `attrPath` or `valuePath [ "." subAttr ]`. */
export type PatchPath = {
  attr: AttrPath;
  /** Present for value-filtered paths such as `members[value eq "x"]`. */
  filter?: Filter;
  /** The sub-attribute after a value filter, e.g. `value` in `emails[type eq "work"].value`. */
  subAttr?: string;
};
