import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { DirectoriesView } from "./directories-view";

export const metadata: Metadata = { title: "Directories" };

export default async function DirectoriesPage() {
  await requireRole(ANY_ROLE);
  return <DirectoriesView />;
}
