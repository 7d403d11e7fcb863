import { z } from "zod";
import type { CertificationCode, RegionCode } from "./catalog";
import { certificationCode, regionCode } from "./entry-input";

export const EXPIRY_WARNING_DAYS_MAX = 365;
export const COMPANY_NAME_LENGTH_MAX = 100;

export type ComplianceSettings = {
  /** An entry passes when it holds any one of these, unexpired. Empty turns the check off. */
  requiredCertifications: CertificationCode[];
  allowedStorageRegions: RegionCode[];
  expiryWarningDays: number;
  /** Who publishes the register, as the public page, feed and exports name it. */
  companyName: string | null;
};

export const DEFAULT_SETTINGS: ComplianceSettings = {
  requiredCertifications: ["soc2_type2", "iso27001"],
  allowedStorageRegions: ["EEA"],
  expiryWarningDays: 60,
  companyName: null,
};

const unique = <T>(values: T[]) => [...new Set(values)];

/** Empty clears the name; absent (an older client) leaves it as it is. */
const companyName = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : value),
  z
    .string({ error: "The company name must be text." })
    .max(
      COMPANY_NAME_LENGTH_MAX,
      `The company name is at most ${COMPANY_NAME_LENGTH_MAX} characters.`,
    )
    .regex(/^\P{Cc}*$/u, "The company name must be one line of text.")
    .nullable()
    .transform((value) => value || null)
    .optional(),
);

export const settingsInput = z.object({
  companyName,
  requiredCertifications: z.array(certificationCode).transform(unique),
  allowedStorageRegions: z
    .array(regionCode)
    .min(1, "Allow at least one storage region.")
    .transform(unique),
  expiryWarningDays: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number({ error: "The warning window must be a number of days." })
      .int("The warning window must be a whole number of days.")
      .min(0, "The warning window cannot be negative.")
      .max(
        EXPIRY_WARNING_DAYS_MAX,
        `The warning window is at most ${EXPIRY_WARNING_DAYS_MAX} days.`,
      ),
  ),
});
