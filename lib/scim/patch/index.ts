export { applyPatch } from "./apply-patch";
export { parseOperation, parsePatchRequest } from "./parse-patch-request";
export { lastPasswordIn } from "./password-in-patch";
export type {
  MemberChange,
  MemberRef,
  OpName,
  PatchOperation,
  PatchOptions,
  PatchResult,
} from "./types";
