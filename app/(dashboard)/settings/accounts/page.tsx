import { requireRole } from "@/lib/auth/require-role";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { AccountsView } from "./accounts-view";

export default async function AccountsPage() {
  await requireRole(ADMIN_ONLY);
  return <AccountsView />;
}
