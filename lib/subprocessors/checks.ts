import {
  CERTIFICATION_LABELS,
  isRegionAllowed,
  REGION_LABELS,
  type CertificationCode,
} from "./catalog";
import { certificationLabel } from "./format";
import type { ComplianceSettings } from "./settings-input";
import type { EntryFields } from "./types";

export const CHECK_CODES = [
  "no_dpa",
  "missing_certification",
  "certification_expired",
  "certification_expiring",
  "storage_outside_allowed",
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const CHECK_LABELS: Record<CheckCode, string> = {
  no_dpa: "No signed DPA",
  missing_certification: "Missing required certification",
  certification_expired: "Certificate expired",
  certification_expiring: "Certificate expiring soon",
  storage_outside_allowed: "Stored outside allowed regions",
};

export type CheckFinding = { code: CheckCode; severity: "fail" | "warn"; message: string };

const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function dpaFinding(entry: EntryFields): CheckFinding | undefined {
  if (entry.dpaUrl && entry.dpaSignedOn) return undefined;
  const message = entry.dpaUrl
    ? "The DPA has no signed date."
    : entry.dpaSignedOn
      ? "The DPA is marked signed but has no link."
      : "No data processing agreement (DPA) is on file.";
  return { code: "no_dpa", severity: "fail", message };
}

function certificationFindings(
  entry: EntryFields,
  settings: ComplianceSettings,
  today: string,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const warnUntil = addDays(today, settings.expiryWarningDays);
  for (const certification of entry.certifications) {
    const { expiresOn } = certification;
    if (expiresOn === null) continue;
    const label = certificationLabel(certification);
    if (expiresOn < today) {
      findings.push({
        code: "certification_expired",
        severity: "fail",
        message: `${label} expired on ${expiresOn}.`,
      });
    } else if (expiresOn <= warnUntil) {
      findings.push({
        code: "certification_expiring",
        severity: "warn",
        message: `${label} expires on ${expiresOn}, within ${settings.expiryWarningDays} days.`,
      });
    }
  }
  const required: readonly string[] = settings.requiredCertifications;
  const isHeld = entry.certifications.some(
    (certification) =>
      required.includes(certification.code) &&
      (certification.expiresOn === null || certification.expiresOn >= today),
  );
  if (required.length > 0 && !isHeld) {
    const names = settings.requiredCertifications.map(
      (code: CertificationCode) => CERTIFICATION_LABELS[code],
    );
    findings.push({
      code: "missing_certification",
      severity: "fail",
      message: `Holds no valid ${names.join(" or ")}.`,
    });
  }
  return findings;
}

function regionFinding(entry: EntryFields, settings: ComplianceSettings): CheckFinding | undefined {
  const outside = entry.storageRegions.filter(
    (region) => !isRegionAllowed(region, settings.allowedStorageRegions),
  );
  const hasMechanism =
    entry.transferMechanism !== null && entry.transferMechanism !== "not_applicable";
  if (outside.length === 0 || hasMechanism) return undefined;
  const where = outside.map((region) => REGION_LABELS[region]).join(", ");
  const allowed = settings.allowedStorageRegions.map((region) => REGION_LABELS[region]).join(", ");
  return {
    code: "storage_outside_allowed",
    severity: "fail",
    message:
      `Stores data in ${where}, outside the allowed regions (${allowed}), ` +
      "without a transfer mechanism.",
  };
}

/** What an entry fails today. Retired entries no longer process data and are not checked. */
export function checkEntry(
  entry: EntryFields,
  settings: ComplianceSettings,
  today: string,
): CheckFinding[] {
  if (entry.status === "retired") return [];
  return [
    dpaFinding(entry),
    ...certificationFindings(entry, settings, today),
    regionFinding(entry, settings),
  ].filter((finding): finding is CheckFinding => finding !== undefined);
}

export function isFailing(findings: readonly CheckFinding[]): boolean {
  return findings.some((finding) => finding.severity === "fail");
}
