export const ROLES = ["admin", "compliance", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Every role may read the dashboard; changes are granted per role below. */
export const ANY_ROLE: readonly Role[] = ROLES;
export const ADMIN_ONLY: readonly Role[] = ["admin"];
/** Reading the audit trail is part of a compliance officer's job. */
export const AUDIT_READERS: readonly Role[] = ["admin", "compliance"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  compliance: "Compliance",
  viewer: "Viewer",
};
