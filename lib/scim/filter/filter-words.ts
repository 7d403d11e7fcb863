import type { CompareOp, CompValue } from "./ast";
import { FilterSyntaxError, quote } from "./filter-syntax-error";

const COMPARE_OPS = new Set<string>(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);

const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** Expects a lower-cased word; RFC 7644 §3.4.2.2 operators are case-insensitive. */
export function isCompareOp(lower: string): lower is CompareOp {
  return COMPARE_OPS.has(lower);
}

export type WordValue = { value: CompValue; isUnquoted: boolean };

/**
 * Reads an unquoted compValue: the JSON literals true, false and null (in any case, as clients
 * send `True`), a JSON number, or else the word itself as a string, as SCIMMY also accepts.
 */
export function readWordValue(word: string, start: number): WordValue {
  const lower = word.toLowerCase();
  if (lower === "true" || lower === "false") return { value: lower === "true", isUnquoted: false };
  if (lower === "null") return { value: null, isUnquoted: false };
  if (!JSON_NUMBER.test(word)) return { value: word, isUnquoted: true };

  const value = Number(word);
  if (!Number.isFinite(value)) {
    throw new FilterSyntaxError(
      `Number ${quote(word)} at position ${start} is out of range`,
      start,
    );
  }
  return { value, isUnquoted: false };
}
