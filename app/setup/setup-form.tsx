"use client";

import { useState, type FormEvent } from "react";
import { ApiError, postJson } from "@/components/data/api-client";

export function SetupForm() {
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = { email: form.get("email"), password: form.get("password") };
    setPending(true);
    setError(undefined);
    try {
      await postJson("/api/setup", { ...credentials, name: form.get("name") });
      await postJson("/api/auth/sign-in/email", credentials);
      window.location.assign("/");
    } catch (caught) {
      const issue = caught instanceof ApiError ? caught.issues[0] : undefined;
      setError(issue ? issue.message : caught instanceof ApiError ? caught.message : "Try again.");
      setPending(false);
    }
  };
  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span>Name</span>
        <input name="name" autoComplete="name" />
      </label>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          aria-describedby="password-hint"
        />
        <small id="password-hint" className="muted">
          At least 10 characters.
        </small>
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary button-block" disabled={isPending}>
        {isPending ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
