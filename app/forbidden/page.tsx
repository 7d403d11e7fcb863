import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main className="centered-page">
      <div className="card narrow">
        <h1>You don’t have access to that page</h1>
        <p className="muted">
          Your role does not include it. Ask an admin of this Roster to change your role if you need
          it.
        </p>
        <Link href="/" className="button button-primary">
          Go to the overview
        </Link>
      </div>
    </main>
  );
}
