import type { ReactNode } from "react";

type Tone = "neutral" | "success" | "danger" | "warning" | "info";

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function ActiveBadge({ active }: { active: boolean }) {
  return <Badge tone={active ? "success" : "neutral"}>{active ? "Active" : "Inactive"}</Badge>;
}

export const PROVIDER_LABELS: Record<string, string> = {
  entra: "Microsoft Entra ID",
  okta: "Okta",
  onelogin: "OneLogin",
  jumpcloud: "JumpCloud",
  google: "Google Workspace",
  generic: "Generic SCIM",
};
