export { applyPatch } from "./apply-patch";
export { parseOperation, parsePatchRequest } from "./parse-patch-request";
export type {
  MemberChange,
  MemberRef,
  OpName,
  PatchOperation,
  PatchOptions,
  PatchResult,
} from "./types";
