import { describe, expect, it } from "vitest";
import { malformedPathSegment } from "./malformed-path";

describe("malformedPathSegment", () => {
  it.each([
    ["/scim/v2/Users/%E0%A4%A", "%E0%A4%A"],
    ["/scim/v2/Users/%ZZ/extra", "%ZZ"],
    ["/scim/v2/%/Users", "%"],
    ["/scim/v2/Users/%C3", "%C3"],
  ])("names the undecodable segment of %s", (pathname, segment) => {
    expect(malformedPathSegment(pathname)).toBe(segment);
  });

  it.each(["/scim/v2/Users", "/scim/v2/Users/a%20b", "/scim/v2/Users/%E0%A4%A8", "/"])(
    "finds nothing wrong in %s",
    (pathname) => {
      expect(malformedPathSegment(pathname)).toBeUndefined();
    },
  );
});
