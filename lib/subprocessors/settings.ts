import { eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { complianceSettings } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { CertificationCode, RegionCode } from "./catalog";
import { canonicalJson } from "./changelog";
import { DEFAULT_SETTINGS, settingsInput, type ComplianceSettings } from "./settings-input";

const SETTINGS_ID = 1;

export type SettingsView = ComplianceSettings & {
  updatedAt: string | null;
  updatedBy: string | null;
};

export function getSettings(db: Queryable): SettingsView {
  const row = db
    .select()
    .from(complianceSettings)
    .where(eq(complianceSettings.id, SETTINGS_ID))
    .get();
  if (!row) return { ...DEFAULT_SETTINGS, updatedAt: null, updatedBy: null };
  return {
    requiredCertifications: row.requiredCertifications as CertificationCode[],
    allowedStorageRegions: row.allowedStorageRegions as RegionCode[],
    expiryWarningDays: row.expiryWarningDays,
    companyName: row.companyName,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Lists of codes are sets: the same codes in another order are no change. */
const comparable = (value: unknown) =>
  canonicalJson(Array.isArray(value) ? [...(value as string[])].sort() : value);

/** The settings whose value `next` changes, with their values before and after. */
function diffSettings(current: ComplianceSettings, next: ComplianceSettings) {
  const before: Partial<ComplianceSettings> = {};
  const after: Partial<ComplianceSettings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof ComplianceSettings)[]) {
    if (comparable(current[key]) === comparable(next[key])) continue;
    Object.assign(before, { [key]: current[key] });
    Object.assign(after, { [key]: next[key] });
  }
  return { before, after, isChanged: Object.keys(after).length > 0 };
}

/** Saving the settings as they are writes nothing, so the audit trail holds only changes. */
export function updateSettings(db: Db, actor: Actor, input: unknown): SettingsView {
  const { companyName, ...rules } = settingsInput.parse(input);

  return db.transaction((tx) => {
    const current = getSettings(tx);
    const settings = {
      ...rules,
      companyName: companyName === undefined ? current.companyName : companyName,
    };
    const { before, after, isChanged } = diffSettings(current, settings);
    if (!isChanged) return current;

    const values = { ...settings, updatedAt: new Date().toISOString(), updatedBy: actor.label };
    tx.insert(complianceSettings)
      .values({ id: SETTINGS_ID, ...values })
      .onConflictDoUpdate({ target: complianceSettings.id, set: values })
      .run();
    recordAudit(tx, actor, {
      action: "compliance_settings.updated",
      targetType: "compliance_settings",
      targetId: String(SETTINGS_ID),
      targetLabel: "Compliance settings",
      detail: { before, after },
    });
    return getSettings(tx);
  });
}
