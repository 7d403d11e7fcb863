/**
 * A filter or PATCH path that cannot be read. `position` is the 0-based offset into the text;
 * callers answer 400 with scimType invalidFilter or invalidPath (RFC 7644 §3.12).
 */
export class FilterSyntaxError extends Error {
  override readonly name = "FilterSyntaxError";
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

const ECHO_LENGTH_MAX = 80;

/** Client text for an error message, in quotes and cut short so a huge token is not echoed. */
export function quote(text: string): string {
  if (text.length <= ECHO_LENGTH_MAX) return `"${text}"`;
  return `"${text.slice(0, ECHO_LENGTH_MAX - 1)}…"`;
}
