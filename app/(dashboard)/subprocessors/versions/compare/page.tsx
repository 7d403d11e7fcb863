import type { Metadata } from "next";
import { Suspense } from "react";
import { LoadingBlock } from "@/components/ui/states";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { CompareView } from "./compare-view";
import "@/components/subprocessors/register.css";

export const metadata: Metadata = { title: "Compare versions" };

export default async function ComparePage() {
  await requireRole(ANY_ROLE);
  return (
    <Suspense fallback={<LoadingBlock />}>
      <CompareView />
    </Suspense>
  );
}
