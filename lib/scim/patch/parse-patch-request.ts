import { badRequest } from "../errors";
import { PATCH_OP } from "../urns";
import { readKey } from "../values/object-keys";
import { isScimObject } from "../values/types";
import type { OpName, PatchOperation } from "./types";

const OP_NAMES: readonly OpName[] = ["add", "replace", "remove"];

/**
 * Each operation may read and rewrite a whole multi-valued attribute, so their number bounds
 * the work one request can ask for. IdPs send a handful; a member list goes in one operation.
 */
export const PATCH_OPERATIONS_MAX = 1000;

/**
 * Validates the PatchOp envelope (RFC 7644 §3.5.2) and returns its raw operations. The key
 * `operations` is accepted in any case, since some clients lower-case it.
 */
export function parsePatchRequest(body: unknown): unknown[] {
  if (!isScimObject(body))
    throw badRequest("invalidSyntax", "The request body must be a JSON object");
  const schemas = readKey(body, "schemas");
  const hasPatchOp =
    Array.isArray(schemas) &&
    schemas.some((urn) => typeof urn === "string" && urn.toLowerCase() === PATCH_OP.toLowerCase());
  if (!hasPatchOp) throw badRequest("invalidSyntax", `"schemas" must contain ${PATCH_OP}`);

  const operations = readKey(body, "Operations");
  if (!Array.isArray(operations)) {
    throw badRequest("invalidSyntax", '"Operations" must be an array of PATCH operations');
  }
  if (operations.length === 0) {
    throw badRequest("invalidValue", '"Operations" must contain at least one operation');
  }
  if (operations.length > PATCH_OPERATIONS_MAX) {
    throw badRequest(
      "invalidValue",
      `"Operations" may hold at most ${PATCH_OPERATIONS_MAX} operations, not ${operations.length}; ` +
        "send the rest in another request",
    );
  }
  return operations;
}

function parseOpName(raw: unknown, notes: Set<string>): OpName {
  const lowered = typeof raw === "string" ? raw.toLowerCase() : undefined;
  const op = OP_NAMES.find((name) => name === lowered);
  if (!op) {
    throw badRequest(
      "invalidSyntax",
      `"op" must be "add", "remove" or "replace", not ${JSON.stringify(raw)}`,
    );
  }
  // Entra ID capitalises op names ("Add", "Replace"); RFC 7644 §3.5.2 spells them lower-case.
  if (raw !== op) notes.add("capitalised-op");
  return op;
}

/** Validates one operation object: its op name, optional string path and required value. */
export function parseOperation(raw: unknown, notes: Set<string>): PatchOperation {
  if (!isScimObject(raw)) throw badRequest("invalidSyntax", "Each operation must be a JSON object");
  const op = parseOpName(readKey(raw, "op"), notes);
  const rawPath = readKey(raw, "path");
  if (rawPath !== undefined && rawPath !== null && typeof rawPath !== "string") {
    throw badRequest("invalidPath", '"path" must be a string');
  }
  const path = typeof rawPath === "string" && rawPath.trim() !== "" ? rawPath.trim() : undefined;
  const value = readKey(raw, "value");

  // RFC 7644 §3.5.2.1 and §3.5.2.3: add and replace MUST carry a value; §3.12 invalidValue.
  if (op !== "remove" && value === undefined) {
    throw badRequest("invalidValue", `"${op}" requires a "value"`);
  }
  return { op, ...(path === undefined ? {} : { path }), ...(value === undefined ? {} : { value }) };
}
