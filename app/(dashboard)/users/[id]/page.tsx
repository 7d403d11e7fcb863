import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-role";
import { ANY_ROLE } from "@/lib/auth/roles";
import { UserView } from "./user-view";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(ANY_ROLE);
  const { id } = await params;
  return <UserView id={id} />;
}
