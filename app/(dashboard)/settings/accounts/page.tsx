import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { AccountsView } from "./accounts-view";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  await requireRole(ADMIN_ONLY);
  return <AccountsView />;
}
