import type { AttrPath, CompValue, Filter, PatchPath } from "./ast";
import { FilterSyntaxError, quote } from "./filter-syntax-error";
import { isCompareOp, readWordValue } from "./filter-words";
import { lexFilter, type Token } from "./lex-filter";
import { assertAttrName, parseAttrPath } from "./parse-attr-path";

/** Client quirks the parser accepted, so callers can record them per client. */
export type FilterNote =
  /** Entra ID's `emails[type eq "work"].value eq "x"`, read as one value filter. */
  | "entra-value-path-filter"
  /** A comparison value written without quotes, e.g. `value eq 123abc`. */
  | "unquoted-value"
  /** `not userName eq "x"`, where RFC 7644 §3.4.2.2 requires `not (...)`. */
  | "not-without-parentheses";

/** Limit on nested "(", "[" and bare "not", so hostile input cannot exhaust the stack. */
export const FILTER_DEPTH_MAX = 50;

/** Limit on attribute expressions; and/or chains nest one level per term in the AST. */
export const FILTER_TERMS_MAX = 1000;

type Subject = "filter" | "path";

/** Recursive descent over the RFC 7644 §3.4.2.2 filter and §3.5.2 PATH grammars. */
export class FilterParser {
  readonly notes = new Set<FilterNote>();
  private readonly tokens: Token[];
  private readonly endToken: Token;
  private index = 0;
  private depth = 0;
  private terms = 0;

  constructor(
    text: string,
    private readonly subject: Subject,
  ) {
    this.tokens = lexFilter(text);
    this.endToken = { kind: "end", text: "", value: "", start: text.length, end: text.length };
  }

  parseFilterText(): Filter {
    if (this.peek().kind === "end") throw new FilterSyntaxError("Empty filter", 0);
    const filter = this.parseOr(true);
    this.expectEnd('"and", "or" or the end of the filter');
    return filter;
  }

  parsePatchPathText(): PatchPath {
    const first = this.peek();
    if (first.kind === "end") throw new FilterSyntaxError("Empty path", 0);
    if (first.kind !== "word") throw this.unexpected(first, "an attribute name");
    this.advance();
    const attr = parseAttrPath(first.text, first.start);
    if (this.peek().kind !== "[") {
      this.expectEnd("the end of the path");
      return { attr };
    }

    const filter = this.parseBracketedFilter(attr, first);
    if (this.peek().kind !== ".") {
      this.expectEnd('"." or the end of the path');
      return { attr, filter };
    }
    this.advance();
    const subAttr = this.readSubAttr();
    this.expectEnd("the end of the path");
    return { attr, filter, subAttr };
  }

  private parseOr(allowValuePath: boolean): Filter {
    let left = this.parseAnd(allowValuePath);
    while (this.isKeyword(this.peek(), "or")) {
      this.advance();
      left = { kind: "or", left, right: this.parseAnd(allowValuePath) };
    }
    return left;
  }

  private parseAnd(allowValuePath: boolean): Filter {
    let left = this.parseUnary(allowValuePath);
    while (this.isKeyword(this.peek(), "and")) {
      this.advance();
      left = { kind: "and", left, right: this.parseUnary(allowValuePath) };
    }
    return left;
  }

  private parseUnary(allowValuePath: boolean): Filter {
    const token = this.peek();
    if (!this.isKeyword(token, "not") || !this.startsNegation()) {
      return this.parsePrimary(allowValuePath);
    }
    this.advance();
    if (this.peek().kind === "(") return { kind: "not", filter: this.parsePrimary(allowValuePath) };

    this.notes.add("not-without-parentheses");
    this.enter(token);
    const filter = this.parseUnary(allowValuePath);
    this.depth -= 1;
    return { kind: "not", filter };
  }

  /**
   * "not" is also a legal attribute name, so it negates only when followed by "(" or by
   * something that reads as an attribute expression: `not eq pr` negates `eq pr`, while
   * `not eq "x"` compares the attribute "not".
   */
  private startsNegation(): boolean {
    const next = this.peek(1);
    if (next.kind === "(") return true;
    if (next.kind !== "word") return false;
    const after = this.peek(2);
    return this.isOperator(after) || after.kind === "[" || this.isKeyword(next, "not");
  }

  private parsePrimary(allowValuePath: boolean): Filter {
    const token = this.peek();
    if (token.kind === "(") {
      this.advance();
      this.enter(token);
      const filter = this.parseOr(allowValuePath);
      this.expectClose(")", token);
      this.depth -= 1;
      return filter;
    }
    if (token.kind !== "word") throw this.unexpected(token, 'an attribute name or "("');

    this.advance();
    this.countTerm(token);
    const path = parseAttrPath(token.text, token.start);
    if (this.peek().kind !== "[") return this.parseOperator(path, token);
    if (!allowValuePath) {
      const bracket = this.peek();
      throw new FilterSyntaxError(
        `Unexpected "[" at position ${bracket.start}: a value filter cannot contain another ` +
          `value filter`,
        bracket.start,
      );
    }
    return this.parseValuePath(path, token);
  }

  private parseValuePath(path: AttrPath, nameToken: Token): Filter {
    const filter = this.parseBracketedFilter(path, nameToken);
    if (this.peek().kind !== ".") return { kind: "valuePath", path, filter };

    // Entra ID filters on `emails[type eq "work"].value eq "x"`; the trailing comparison
    // applies to the same element, so it joins the bracketed filter.
    this.advance();
    const subToken = this.peek();
    const subAttr = this.readSubAttr();
    const tail = this.parseOperator({ name: subAttr }, subToken);
    this.notes.add("entra-value-path-filter");
    return { kind: "valuePath", path, filter: { kind: "and", left: filter, right: tail } };
  }

  private parseBracketedFilter(path: AttrPath, nameToken: Token): Filter {
    const open = this.advance();
    if (path.subAttr !== undefined) {
      throw new FilterSyntaxError(
        `Unexpected "[" at position ${open.start}: a value filter must follow a top-level ` +
          `attribute, not the sub-attribute ${quote(nameToken.text)}`,
        open.start,
      );
    }
    this.enter(open);
    const filter = this.parseOr(false);
    this.expectClose("]", open);
    this.depth -= 1;
    return filter;
  }

  private parseOperator(path: AttrPath, nameToken: Token): Filter {
    const opToken = this.peek();
    const op = opToken.kind === "word" ? opToken.text.toLowerCase() : "";
    if (op === "pr") {
      this.advance();
      return { kind: "present", path };
    }
    if (!isCompareOp(op)) {
      const found = opToken.kind === "end" ? "" : ` but found ${describe(opToken)}`;
      const after = quote(nameToken.text);
      throw new FilterSyntaxError(
        `Expected a comparison operator after ${after} ${this.where(opToken)}${found}`,
        opToken.start,
      );
    }
    this.advance();
    return { kind: "compare", path, op, value: this.parseValue(opToken) };
  }

  private parseValue(opToken: Token): CompValue {
    const token = this.peek();
    if (token.kind === "string") {
      this.advance();
      return token.value;
    }
    if (token.kind !== "word") {
      throw this.unexpected(token, `a value after "${opToken.text}"`);
    }

    this.advance();
    const { value, isUnquoted } = readWordValue(token.text, token.start);
    if (isUnquoted) this.notes.add("unquoted-value");
    return value;
  }

  private readSubAttr(): string {
    const token = this.peek();
    if (token.kind !== "word") throw this.unexpected(token, 'a sub-attribute name after "."');
    this.advance();
    assertAttrName(token.text, token.start);
    return token.text;
  }

  private expectClose(kind: ")" | "]", open: Token): void {
    const token = this.peek();
    if (token.kind === kind) {
      this.advance();
      return;
    }
    if (token.kind === "end") {
      throw new FilterSyntaxError(
        `Missing "${kind}" to close the "${open.text}" at position ${open.start}`,
        token.start,
      );
    }
    const wanted = `"and", "or" or "${kind}" to close the "${open.text}" at position ${open.start}`;
    throw this.unexpected(token, wanted);
  }

  private expectEnd(wanted: string): void {
    const token = this.peek();
    if (token.kind !== "end") throw this.unexpected(token, wanted);
  }

  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > FILTER_DEPTH_MAX) {
      throw new FilterSyntaxError(
        `The ${this.subject} nests deeper than ${FILTER_DEPTH_MAX} levels ` +
          `at position ${token.start}`,
        token.start,
      );
    }
  }

  private countTerm(token: Token): void {
    this.terms += 1;
    if (this.terms > FILTER_TERMS_MAX) {
      throw new FilterSyntaxError(
        `The ${this.subject} has more than ${FILTER_TERMS_MAX} attribute expressions ` +
          `at position ${token.start}`,
        token.start,
      );
    }
  }

  private unexpected(token: Token, wanted: string): FilterSyntaxError {
    if (token.kind === "end") {
      return new FilterSyntaxError(`Expected ${wanted} ${this.where(token)}`, token.start);
    }
    return new FilterSyntaxError(
      `Unexpected ${describe(token)} at position ${token.start}; expected ${wanted}`,
      token.start,
    );
  }

  private where(token: Token): string {
    if (token.kind !== "end") return `at position ${token.start}`;
    return `at end of ${this.subject} (position ${token.start})`;
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === "word" && token.text.toLowerCase() === keyword;
  }

  private isOperator(token: Token): boolean {
    const lower = token.kind === "word" ? token.text.toLowerCase() : "";
    return lower === "pr" || isCompareOp(lower);
  }

  private peek(offset = 0): Token {
    return this.tokens[this.index + offset] ?? this.endToken;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index += 1;
    return token;
  }
}

function describe(token: Token): string {
  return token.kind === "string" ? `string ${quote(token.value)}` : quote(token.text);
}
