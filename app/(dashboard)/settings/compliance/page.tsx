import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { ComplianceSettingsView } from "./compliance-settings-view";
import "@/components/subprocessors/register.css";

export const metadata: Metadata = { title: "Compliance rules" };

export default async function ComplianceSettingsPage() {
  await requireRole(ANY_ROLE);
  return <ComplianceSettingsView />;
}
