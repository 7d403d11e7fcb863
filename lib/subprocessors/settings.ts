import { eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { complianceSettings } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import type { CertificationCode, RegionCode } from "./catalog";
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
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export function updateSettings(db: Db, actor: Actor, input: unknown): SettingsView {
  const settings = settingsInput.parse(input);

  const values = { ...settings, updatedAt: new Date().toISOString(), updatedBy: actor.label };
  db.insert(complianceSettings)
    .values({ id: SETTINGS_ID, ...values })
    .onConflictDoUpdate({ target: complianceSettings.id, set: values })
    .run();
  return getSettings(db);
}
