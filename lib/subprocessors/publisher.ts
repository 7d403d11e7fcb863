import type { Queryable } from "@/db/client";
import { getSettings } from "./settings";

/** The operator's name from the compliance settings; null until someone sets it. */
export function companyNameOf(db: Queryable): string | null {
  return getSettings(db).companyName;
}

/** "Acme sub-processor register", or a title naming no company while none is set. */
export function registerTitle(companyName: string | null): string {
  return companyName ? `${companyName} sub-processor register` : "Sub-processor register";
}

/** The sentence the public page opens with. */
export function processorsFor(companyName: string | null): string {
  return companyName
    ? `The third parties that process customer data for ${companyName}`
    : "The third parties that process customer data on our behalf";
}
