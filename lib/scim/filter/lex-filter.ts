import { FilterSyntaxError } from "./filter-syntax-error";

export type TokenKind = "word" | "string" | "(" | ")" | "[" | "]" | "." | "end";

export type Token = {
  kind: TokenKind;
  /** The token as written, quotes and escapes included. */
  text: string;
  /** The decoded value for strings; the same as `text` for every other kind. */
  value: string;
  start: number;
  end: number;
};

const PUNCTUATION: Readonly<Record<string, TokenKind>> = { "(": "(", ")": ")", "[": "[", "]": "]" };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * Splits filter text into tokens in one pass. Words are maximal runs of anything that is not
 * whitespace, a quote, a bracket or a parenthesis; the parser decides what each word means.
 */
export function lexFilter(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    const punctuation = PUNCTUATION[ch];
    if (isWhitespace(ch)) {
      i += 1;
    } else if (punctuation !== undefined || ch === ".") {
      tokens.push(simpleToken(punctuation ?? ".", ch, i));
      i += 1;
    } else if (ch === '"') {
      const token = lexString(source, i);
      tokens.push(token);
      i = token.end;
    } else {
      const end = scanWord(source, i);
      tokens.push(simpleToken("word", source.slice(i, end), i));
      i = end;
    }
  }
  tokens.push(simpleToken("end", "", source.length));
  return tokens;
}

function simpleToken(kind: TokenKind, text: string, start: number): Token {
  return { kind, text, value: text, start, end: start + text.length };
}

function isWhitespace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

function scanWord(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (isWhitespace(ch) || ch === '"' || PUNCTUATION[ch] !== undefined) break;
    i += 1;
  }
  return i;
}

/** RFC 7644 §3.4.2.2: compValue strings are JSON strings (RFC 7159 §7). */
function lexString(source: string, start: number): Token {
  const parts: string[] = [];
  let chunkStart = start + 1;
  let i = start + 1;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (code === 0x22) {
      parts.push(source.slice(chunkStart, i));
      const text = source.slice(start, i + 1);
      return { kind: "string", text, value: parts.join(""), start, end: i + 1 };
    }
    if (code < 0x20) {
      throw new FilterSyntaxError(
        `Unescaped control character in string at position ${i}; write it as a \\u escape`,
        i,
      );
    }
    if (code === 0x5c && i + 1 < source.length) {
      parts.push(source.slice(chunkStart, i), decodeEscape(source, i));
      i += source.charAt(i + 1) === "u" ? 6 : 2;
      chunkStart = i;
    } else {
      i += 1;
    }
  }
  throw new FilterSyntaxError(`Unterminated string starting at position ${start}`, start);
}

function decodeEscape(source: string, backslashAt: number): string {
  const letter = source.charAt(backslashAt + 1);
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return simple;
  if (letter !== "u") {
    throw new FilterSyntaxError(
      `Invalid escape "\\${letter}" in string at position ${backslashAt}`,
      backslashAt,
    );
  }
  const hex = source.slice(backslashAt + 2, backslashAt + 6);
  if (hex.length !== 4 || ![...hex].every(isHexDigit)) {
    throw new FilterSyntaxError(
      `Invalid escape "\\u${hex}" in string at position ${backslashAt}; expected four hex digits`,
      backslashAt,
    );
  }
  return String.fromCharCode(Number.parseInt(hex, 16));
}

function isHexDigit(ch: string): boolean {
  return (ch >= "0" && ch <= "9") || (ch >= "a" && ch <= "f") || (ch >= "A" && ch <= "F");
}
