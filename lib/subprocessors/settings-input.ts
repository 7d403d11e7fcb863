import { z } from "zod";
import type { CertificationCode, RegionCode } from "./catalog";
import { certificationCode, regionCode } from "./entry-input";

export const EXPIRY_WARNING_DAYS_MAX = 365;

export type ComplianceSettings = {
  /** An entry passes when it holds any one of these, unexpired. Empty turns the check off. */
  requiredCertifications: CertificationCode[];
  allowedStorageRegions: RegionCode[];
  expiryWarningDays: number;
};

export const DEFAULT_SETTINGS: ComplianceSettings = {
  requiredCertifications: ["soc2_type2", "iso27001"],
  allowedStorageRegions: ["EEA"],
  expiryWarningDays: 60,
};

const unique = <T>(values: T[]) => [...new Set(values)];

export const settingsInput = z.object({
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
