import { CERTIFICATION_LABELS, REGION_LABELS } from "@/lib/subprocessors/catalog";
import { FIELD_LABELS, type EntryField } from "@/lib/subprocessors/types";

const SETTING_LABELS: Record<string, string> = {
  name: "name",
  rateLimitPerSecond: "rate limit",
  requiredCertifications: "required certifications",
  allowedStorageRegions: "allowed storage regions",
  expiryWarningDays: "warning window (days)",
  companyName: "company name",
};

const CODE_LABELS: Record<string, string> = { ...CERTIFICATION_LABELS, ...REGION_LABELS };

const SIGN_IN_FAILURES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "wrong email or password",
  BANNED_USER: "account disabled",
  INVALID_EMAIL: "not an email address",
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) {
    return value.length === 0 ? "none" : value.map((item) => formatValue(item)).join(", ");
  }
  if (typeof value === "string") return CODE_LABELS[value] ?? value;
  return String(value);
}

function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after)
    .map((key) => {
      const label = SETTING_LABELS[key] ?? key;
      return `${label}: ${formatValue(before[key])} → ${formatValue(after[key])}`;
    })
    .join("; ");
}

const count = (value: unknown) => (typeof value === "number" ? value : 0);

function describePublished(detail: Record<string, unknown>): string {
  const parts = [`${count(detail.added)} added`, `${count(detail.changed)} changed`];
  parts.push(`${count(detail.removed)} removed`);
  const entries = count(detail.entries);
  return `${parts.join(", ")}; ${entries} ${entries === 1 ? "entry" : "entries"}`;
}

/** A new entry sets most fields, so naming them all would only crowd the row. */
function describeFields(action: string, detail: Record<string, unknown>): string {
  const fields = Array.isArray(detail.fields) ? detail.fields : [];
  if (action === "subprocessor.created") {
    return `revision ${count(detail.revision)}, ${fields.length} fields set`;
  }
  const labels = fields.map((field) => FIELD_LABELS[field as EntryField] ?? String(field));
  return `revision ${count(detail.revision)}: ${labels.join(", ")}`;
}

function describeSignIn(detail: Record<string, unknown>): string {
  const from = typeof detail.ip === "string" ? `from ${detail.ip}` : "";
  if (typeof detail.reason !== "string") return from;
  const reason = SIGN_IN_FAILURES[detail.reason] ?? detail.reason.toLowerCase();
  return from ? `${reason}, ${from}` : reason;
}

/** One line for the audit page's Detail column. Client-safe: no database or Node imports. */
export function describeAuditDetail(action: string, detail: Record<string, unknown>): string {
  if (action === "register_version.published") return describePublished(detail);
  if (action.startsWith("subprocessor.")) return describeFields(action, detail);
  if (action.startsWith("auth.")) return describeSignIn(detail);
  if (isRecord(detail.before) && isRecord(detail.after)) {
    return describeChanges(detail.before, detail.after);
  }
  if (typeof detail.from === "string" && typeof detail.to === "string") {
    return `${detail.from} → ${detail.to}`;
  }
  if (typeof detail.role === "string") return `role ${detail.role}`;
  if (typeof detail.provider === "string") return `provider ${detail.provider}`;
  return "";
}
