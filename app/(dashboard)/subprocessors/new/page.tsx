import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-role";
import { REGISTER_EDITORS } from "@/lib/subprocessors/access";
import { listEntryOptions } from "@/lib/subprocessors/get-entry";
import { NewEntryView } from "./new-entry-view";
import "@/components/subprocessors/register.css";

export const metadata: Metadata = { title: "New sub-processor" };

export default async function NewSubprocessorPage() {
  await requireRole(REGISTER_EDITORS);
  return <NewEntryView parents={listEntryOptions(getDb())} />;
}
