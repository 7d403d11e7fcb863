import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { VersionsView } from "./versions-view";
import "@/components/subprocessors/register.css";

export const metadata: Metadata = { title: "Register versions" };

export default async function VersionsPage() {
  await requireRole(ANY_ROLE);
  return <VersionsView />;
}
