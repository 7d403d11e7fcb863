import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { EntryView } from "./entry-view";
import "@/components/subprocessors/register.css";

export const metadata: Metadata = { title: "Sub-processor" };

export default async function SubprocessorPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(ANY_ROLE);
  const { id } = await params;
  return <EntryView id={id} />;
}
