import Link from "next/link";

export default function NotFound() {
  return (
    <main className="centered-page">
      <div className="card narrow">
        <h1>Page not found</h1>
        <p className="muted">There is nothing at this address.</p>
        <Link href="/" className="button button-primary">
          Go to the overview
        </Link>
      </div>
    </main>
  );
}
