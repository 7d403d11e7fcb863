import type { Metadata } from "next";
import { Suspense } from "react";
import { LoadingBlock } from "@/components/ui/states";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { SubprocessorsView } from "./subprocessors-view";
import "@/components/subprocessors/register.css";

export const metadata: Metadata = { title: "Sub-processors" };

export default async function SubprocessorsPage() {
  await requireRole(ANY_ROLE);
  return (
    <Suspense fallback={<LoadingBlock />}>
      <SubprocessorsView />
    </Suspense>
  );
}
