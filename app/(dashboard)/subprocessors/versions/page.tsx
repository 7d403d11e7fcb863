import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { VersionsView } from "./versions-view";
import "@/components/subprocessors/register.css";

export default async function VersionsPage() {
  await requireRole(ANY_ROLE);
  return <VersionsView />;
}
