import type { Metadata } from "next";
import { Suspense } from "react";
import { LoadingBlock } from "@/components/ui/states";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { listDirectories } from "@/lib/directories/directories";
import { GroupsView } from "./groups-view";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  await requireRole(ANY_ROLE);
  const directories = listDirectories(getDb()).map(({ id, name }) => ({ id, name }));
  return (
    <Suspense fallback={<LoadingBlock />}>
      <GroupsView directories={directories} />
    </Suspense>
  );
}
