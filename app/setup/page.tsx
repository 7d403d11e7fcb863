import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BrandMark } from "@/components/shell/app-shell";
import { hasAnyAccount } from "@/lib/auth/session";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

export const dynamic = "force-dynamic";

export default function SetupPage() {
  if (hasAnyAccount()) redirect("/login");
  return (
    <main className="centered-page">
      <div className="card narrow auth-card">
        <BrandMark />
        <h1>Set up Roster</h1>
        <p className="muted">
          Create the first admin account. You can invite colleagues as admins, compliance officers
          or viewers afterwards.
        </p>
        <SetupForm />
      </div>
    </main>
  );
}
