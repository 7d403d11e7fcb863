import type { Role } from "@/lib/auth/roles";

/** Admins and compliance officers edit, publish and export the register; viewers read it. */
export const REGISTER_EDITORS: readonly Role[] = ["admin", "compliance"];

export function canEditRegister(role: Role): boolean {
  return REGISTER_EDITORS.includes(role);
}
