import type { Filter } from "../filter/ast";
import type { AttributeDef, ResourceKind, SchemaDef } from "../schemas";
import type { ScimObject } from "../values/types";

export type MemberRef = { value: string; type?: string };

/** A change to a Group's members, applied by the caller without loading every member row. */
export type MemberChange =
  | { kind: "add"; members: MemberRef[] }
  | { kind: "remove"; ids: string[] }
  /** A filter on member sub-attributes that is not a plain list of `value eq` comparisons. */
  | { kind: "removeMatching"; filter: Filter }
  | { kind: "removeAll" }
  | { kind: "replaceAll"; members: MemberRef[] };

export type PatchOptions = {
  kind: ResourceKind;
  /** Translate operations on Group `members` into `memberChanges` instead of applying them. */
  extractMembers: boolean;
};

export type PatchResult = {
  resource: ScimObject;
  memberChanges: MemberChange[];
  /** Client quirks that were tolerated, as short kebab-case labels for the sync log. */
  notes: string[];
};

export type OpName = "add" | "replace" | "remove";

/** One validated entry of `Operations`; `value` is undefined when the client sent none. */
export type PatchOperation = { op: OpName; path?: string; value?: unknown };

/** What a PATCH path designates once resolved against the resource kind's schemas. */
export type Target =
  | {
      kind: "schema";
      schema: SchemaDef;
      isExtension: boolean;
    }
  | {
      kind: "attribute";
      /** The extension URN whose object holds the attribute; undefined for core attributes. */
      extension?: string;
      def: AttributeDef;
      sub?: AttributeDef;
      filter?: Filter;
      /** The path as the client wrote it, for error details. */
      label: string;
    };

export type AttributeTarget = Extract<Target, { kind: "attribute" }>;

export type PatchState = {
  kind: ResourceKind;
  resource: ScimObject;
  extractMembers: boolean;
  memberChanges: MemberChange[];
  notes: Set<string>;
};
