import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { AUDIT_READERS } from "@/lib/auth/roles";
import { AuditView } from "./audit-view";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage() {
  await requireRole(AUDIT_READERS);
  return <AuditView />;
}
