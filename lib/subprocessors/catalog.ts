/** The fixed vocabularies of the register. Client-safe: no database or Node imports. */

export const ENTRY_STATUSES = ["proposed", "active", "retired"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const STATUS_LABELS: Record<EntryStatus, string> = {
  proposed: "Proposed",
  active: "Active",
  retired: "Retired",
};

export const PIPELINE_ROLES = [
  "hosting",
  "data_transformation",
  "api_gateway",
  "event_queue",
  "email_notifications",
  "monitoring_logging",
  "support",
  "analytics",
  "other",
] as const;
export type PipelineRole = (typeof PIPELINE_ROLES)[number];

export const ROLE_LABELS: Record<PipelineRole, string> = {
  hosting: "Hosting",
  data_transformation: "Data transformation / schema mapping",
  api_gateway: "API gateway",
  event_queue: "Event queue / background jobs",
  email_notifications: "Email notifications",
  monitoring_logging: "Monitoring and logging",
  support: "Support",
  analytics: "Analytics",
  other: "Other",
};

export const DATA_CATEGORIES = [
  "names",
  "email_addresses",
  "phone_numbers",
  "job_org_data",
  "group_memberships",
  "ip_addresses_logs",
  "credentials",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Each category with the SCIM attributes Roster holds for it (RFC 7643 §4.1, §4.2, §4.3). */
export const DATA_CATEGORY_INFO: Record<DataCategory, { label: string; attributes: string[] }> = {
  names: { label: "Names", attributes: ["userName", "name", "displayName", "nickName"] },
  email_addresses: { label: "Email addresses", attributes: ["emails"] },
  phone_numbers: { label: "Phone numbers", attributes: ["phoneNumbers"] },
  job_org_data: {
    label: "Job and org data",
    attributes: ["title", "department", "division", "organization", "costCenter", "manager"],
  },
  group_memberships: { label: "Group memberships", attributes: ["groups", "members"] },
  ip_addresses_logs: {
    label: "IP addresses and logs",
    attributes: ["sync log: client address, user agent, request bodies (redacted)"],
  },
  credentials: { label: "Credentials", attributes: ["password (hashed)", "bearer tokens"] },
};

/** EEA members are listed so a vendor can name a country; each counts as inside EU/EEA. */
export const REGIONS = [
  { code: "EEA", label: "EU/EEA" },
  { code: "AT", label: "Austria", within: "EEA" },
  { code: "BE", label: "Belgium", within: "EEA" },
  { code: "DE", label: "Germany", within: "EEA" },
  { code: "DK", label: "Denmark", within: "EEA" },
  { code: "ES", label: "Spain", within: "EEA" },
  { code: "FI", label: "Finland", within: "EEA" },
  { code: "FR", label: "France", within: "EEA" },
  { code: "IE", label: "Ireland", within: "EEA" },
  { code: "IT", label: "Italy", within: "EEA" },
  { code: "NL", label: "Netherlands", within: "EEA" },
  { code: "NO", label: "Norway", within: "EEA" },
  { code: "PL", label: "Poland", within: "EEA" },
  { code: "SE", label: "Sweden", within: "EEA" },
  { code: "UK", label: "United Kingdom" },
  { code: "CH", label: "Switzerland" },
  { code: "US", label: "United States" },
  { code: "CA", label: "Canada" },
  { code: "AU", label: "Australia" },
  { code: "JP", label: "Japan" },
  { code: "SG", label: "Singapore" },
  { code: "IN", label: "India" },
  { code: "BR", label: "Brazil" },
  { code: "GLOBAL", label: "Global (any region)" },
] as const satisfies readonly { code: string; label: string; within?: string }[];
export type RegionCode = (typeof REGIONS)[number]["code"];
export const REGION_CODES = REGIONS.map((region) => region.code) as [RegionCode, ...RegionCode[]];

export const REGION_LABELS = Object.fromEntries(
  REGIONS.map((region) => [region.code, region.label]),
) as Record<RegionCode, string>;

/** Whether `region` is one of `allowed`, directly or as a country inside an allowed area. */
export function isRegionAllowed(region: RegionCode, allowed: readonly RegionCode[]): boolean {
  if (allowed.includes(region)) return true;
  const info = REGIONS.find((entry) => entry.code === region);
  const within = info && "within" in info ? info.within : undefined;
  return within !== undefined && (allowed as readonly string[]).includes(within);
}

export const TRANSFER_MECHANISMS = ["adequacy", "sccs", "bcrs", "dpf", "not_applicable"] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const TRANSFER_LABELS: Record<TransferMechanism, string> = {
  adequacy: "Adequacy decision",
  sccs: "Standard contractual clauses (SCCs)",
  bcrs: "Binding corporate rules (BCRs)",
  dpf: "EU-US Data Privacy Framework",
  not_applicable: "Not applicable",
};

export const CERTIFICATIONS = [
  "soc2_type1",
  "soc2_type2",
  "iso27001",
  "iso27017",
  "iso27018",
  "iso27701",
  "pci_dss",
  "hipaa",
  "csa_star",
] as const;
export type CertificationCode = (typeof CERTIFICATIONS)[number];

export const CERTIFICATION_LABELS: Record<CertificationCode, string> = {
  soc2_type1: "SOC 2 Type I",
  soc2_type2: "SOC 2 Type II",
  iso27001: "ISO 27001",
  iso27017: "ISO 27017",
  iso27018: "ISO 27018",
  iso27701: "ISO 27701",
  pci_dss: "PCI DSS",
  hipaa: "HIPAA",
  csa_star: "CSA STAR",
};

/** Custom certifications carry their own name instead of a code from the list above. */
export const CUSTOM_CERTIFICATION = "custom";

export function labelOf<T extends string>(labels: Record<T, string>, value: T | null): string {
  return value === null ? "—" : labels[value];
}
