import type { Metadata } from "next";
import { Suspense } from "react";
import { LoadingBlock } from "@/components/ui/states";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { listDirectories } from "@/lib/directories/directories";
import { UsersView } from "./users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requireRole(ANY_ROLE);
  const directories = listDirectories(getDb()).map(({ id, name }) => ({ id, name }));
  return (
    <Suspense fallback={<LoadingBlock />}>
      <UsersView directories={directories} />
    </Suspense>
  );
}
