"use client";

import { useState, type FormEvent } from "react";
import { ApiError, postJson } from "@/components/data/api-client";

function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return "Roster could not be reached. Try again.";
  if (error.status === 401) return "That email and password don’t match an account.";
  if (error.status === 403) return "This account is disabled. Ask an admin to enable it.";
  if (error.status === 429) return "Too many attempts. Wait a minute, then try again.";
  return error.message;
}

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      await postJson("/api/auth/sign-in/email", {
        email: form.get("email"),
        password: form.get("password"),
      });
      window.location.assign(next);
    } catch (caught) {
      setError(explain(caught));
      setPending(false);
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate={false}>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary button-block" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
