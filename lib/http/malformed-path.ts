function isDecodable(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first path segment that is not valid percent-encoded UTF-8 (RFC 3986 §2.1), such as
 * `%ZZ` or a truncated `%E0%A4%A`, or undefined when every segment decodes.
 */
export function malformedPathSegment(pathname: string): string | undefined {
  return pathname.split("/").find((segment) => !isDecodable(segment));
}
