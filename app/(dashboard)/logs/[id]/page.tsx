import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { EntryView } from "./entry-view";

export const metadata: Metadata = { title: "Sync log entry" };

export default async function LogEntryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(ANY_ROLE);
  const { id } = await params;
  return <EntryView id={id} />;
}
