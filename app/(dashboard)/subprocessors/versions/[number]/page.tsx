import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { VersionView } from "./version-view";
import "@/components/subprocessors/register.css";

export const metadata: Metadata = { title: "Register version" };

export default async function VersionPage({ params }: { params: Promise<{ number: string }> }) {
  await requireRole(ANY_ROLE);
  const { number } = await params;
  return <VersionView number={number} />;
}
