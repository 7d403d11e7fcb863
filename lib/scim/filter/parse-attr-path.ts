import type { AttrPath } from "./ast";
import { FilterSyntaxError, quote } from "./filter-syntax-error";

/**
 * RFC 7643 §2.1 ATTRNAME (ALPHA *(ALPHA / DIGIT / "-" / "_")), widened to allow "$" because
 * RFC 7643 itself names the "$ref" sub-attribute.
 */
export function isAttrName(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charAt(0);
  if (!isAlpha(first) && first !== "$") return false;
  for (let i = 1; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (!isAlpha(ch) && !isDigit(ch) && ch !== "-" && ch !== "_" && ch !== "$") return false;
  }
  return true;
}

/**
 * Reads `[URI ":"] ATTRNAME ["." subAttr]` from one word. Schema URNs contain dots ("2.0"), so
 * the URN is split off at the last colon before the name is split from its sub-attribute.
 */
export function parseAttrPath(text: string, start: number): AttrPath {
  const colonAt = text.lastIndexOf(":");
  const uri = colonAt >= 0 ? text.slice(0, colonAt) : undefined;
  const rest = text.slice(colonAt + 1);
  const restStart = start + colonAt + 1;
  if (uri !== undefined && !isAlpha(uri.charAt(0))) {
    throw new FilterSyntaxError(`Invalid schema URN ${quote(uri)} at position ${start}`, start);
  }
  if (uri !== undefined && rest.length === 0) {
    throw new FilterSyntaxError(
      `Expected an attribute name after the schema URN ${quote(uri)} at position ${restStart}`,
      restStart,
    );
  }

  const [name = "", subAttr, ...extra] = rest.split(".");
  if (extra.length > 0) {
    // RFC 7643 §2.3.8: sub-attributes cannot themselves have sub-attributes.
    throw new FilterSyntaxError(
      `Attribute ${quote(rest)} at position ${restStart} has more than one "."; ` +
        `only one sub-attribute level exists`,
      restStart,
    );
  }
  assertAttrName(name, restStart);
  if (subAttr === undefined) return uri === undefined ? { name } : { uri, name };
  assertAttrName(subAttr, restStart + name.length + 1);
  return uri === undefined ? { name, subAttr } : { uri, name, subAttr };
}

export function assertAttrName(text: string, start: number): void {
  if (isAttrName(text)) return;
  const shown = text.length === 0 ? "an empty name" : quote(text);
  throw new FilterSyntaxError(
    `Invalid attribute name: ${shown} at position ${start}; names start with a letter and ` +
      `contain only letters, digits, "-", "_" and "$"`,
    start,
  );
}

function isAlpha(ch: string): boolean {
  return (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");
}

function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}
