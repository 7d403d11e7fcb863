import type { ScimObject } from "@/lib/scim/resource";

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);

/** What a person is called: displayName, else the formatted name, else given and family name. */
export function personName(attributes: ScimObject): string | undefined {
  const name = (attributes.name ?? {}) as ScimObject;
  const parts = [text(name.givenName), text(name.familyName)].filter(Boolean);
  return text(attributes.displayName) ?? text(name.formatted) ?? (parts.join(" ") || undefined);
}

/** The primary email, else the first one listed. */
export function primaryEmail(attributes: ScimObject): string | undefined {
  const emails = Array.isArray(attributes.emails) ? (attributes.emails as ScimObject[]) : [];
  const primary = emails.find((email) => email.primary === true) ?? emails[0];
  return text(primary?.value);
}
