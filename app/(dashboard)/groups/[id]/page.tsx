import type { Metadata } from "next";
import { Suspense } from "react";
import { LoadingBlock } from "@/components/ui/states";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { GroupView } from "./group-view";

export const metadata: Metadata = { title: "Group" };

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(ANY_ROLE);
  const { id } = await params;
  return (
    <Suspense fallback={<LoadingBlock />}>
      <GroupView id={id} />
    </Suspense>
  );
}
