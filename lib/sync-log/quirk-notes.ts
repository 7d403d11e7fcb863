/**
 * What each client quirk means, in words an admin reads on a log entry. The codes are the ones
 * the protocol layer notes when it accepts something the RFCs do not quite allow.
 */
export const QUIRK_NOTES: Record<string, string> = {
  "string-boolean":
    'A boolean arrived as a string such as "True" or "False" (as Microsoft Entra ID sends ' +
    "them) and was read as a real boolean.",
  "capitalised-op":
    'A PATCH operation name was capitalised ("Replace", "Add"); RFC 7644 §3.5.2 spells them ' +
    "in lower case, and they were read case-insensitively.",
  "path-case":
    "The resource segment of the URL was not in its canonical case (for example /users instead " +
    "of /Users) and was matched case-insensitively.",
  "entra-value-path-filter":
    'The filter used Microsoft Entra ID\'s form emails[type eq "work"].value eq "…", which ' +
    "RFC 7644 does not define; it was read as one condition on the same email.",
  "bare-manager-id":
    "The enterprise manager was sent as a bare id string rather than an object with a value, " +
    "as Microsoft Entra ID does; it was stored as { value }.",
  "bare-complex-value":
    "A complex attribute was sent as a bare string; it was read as the attribute's value " +
    "sub-attribute.",
  "attribute-case":
    "An attribute or schema name differed in case from its definition; RFC 7643 §2.1 makes " +
    "names case-insensitive, so it was matched to the canonical name.",
  "urn-qualified-key":
    "An attribute was named with its full schema URN as the key; it was mapped to the " +
    "attribute in that schema.",
  "path-in-value":
    "A PATCH value object carried attribute paths as keys (such as name.givenName); each was " +
    "applied as if given as a path.",
  "unknown-attribute":
    "The request named an attribute that no schema of this resource defines; it was ignored " +
    "rather than rejected.",
  "single-value-unwrapped":
    "A single-valued attribute arrived as an array of one element; the element was used.",
  "single-value-wrapped":
    "A multi-valued attribute arrived as a single value; it was treated as a list of one.",
  "multiple-primary":
    "More than one value of a multi-valued attribute was marked primary; RFC 7643 §2.4 allows " +
    'one, so only one kept "primary" (the element being written, or else the last).',
  "remove-by-value":
    "A PATCH remove named the values to remove in its body rather than in a filtered path, as " +
    "Microsoft Entra ID does for group members; those values were removed.",
  "filter-created-element":
    "A PATCH wrote to a filtered path that matched nothing (such as a work email the user did " +
    "not have); the element was created from the filter, as Microsoft Entra ID expects, where " +
    "RFC 7644 §3.5.2.3 would answer noTarget.",
  "not-without-parentheses":
    'The filter used "not" without parentheses around its operand, which RFC 7644 §3.4.2.2 ' +
    "requires; it was read as negating the next expression.",
  "unquoted-value":
    "A filter compared with an unquoted string value; it was read as if it had been quoted.",
};

export type QuirkNote = { code: string; text: string };

/** Plain-language notes for a request's quirk codes, in the order they were recorded. */
export function describeQuirks(codes: readonly string[]): QuirkNote[] {
  return codes.map((code) => ({
    code,
    text:
      QUIRK_NOTES[code] ??
      "The request deviated from RFC 7643/7644 in a way Roster accepts and normalised.",
  }));
}
