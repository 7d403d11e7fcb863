import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { BrandMark } from "@/components/shell/app-shell";
import { hasAnyAccount, sessionUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export const dynamic = "force-dynamic";

/** Only same-site paths are followed after sign-in, so `next` cannot send anyone elsewhere. */
function safeNext(next: string | string[] | undefined): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!hasAnyAccount()) redirect("/setup");
  const next = safeNext((await searchParams).next);
  if (await sessionUser(await headers())) redirect(next);
  return (
    <main className="centered-page">
      <div className="card narrow auth-card">
        <BrandMark />
        <h1>Sign in</h1>
        <p className="muted">Use the email and password an admin gave you.</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
