"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch, postJson } from "@/components/data/api-client";
import { useViewer } from "@/components/data/session-context";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, SkeletonLines } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { AccountSummary } from "@/lib/accounts/list-accounts";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";

const KEY = ["accounts"];

function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return "Try again.";
  return error.issues[0] ? `${error.issues[0].path}: ${error.issues[0].message}` : error.message;
}

function NewAccountForm() {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: Record<string, string>) => postJson("/api/accounts", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    create.mutate(data, { onSuccess: () => form.reset() });
  };
  return (
    <form className="card inline-form" onSubmit={submit} aria-label="New account">
      <label className="field field-inline">
        <span>Email</span>
        <input name="email" type="email" required autoComplete="off" />
      </label>
      <label className="field field-inline">
        <span>Name</span>
        <input name="name" autoComplete="off" />
      </label>
      <label className="field field-inline">
        <span>Initial password</span>
        <input
          name="password"
          type="password"
          minLength={10}
          required
          autoComplete="new-password"
        />
      </label>
      <label className="field field-inline">
        <span>Role</span>
        <select name="role" defaultValue="viewer">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add account"}
      </button>
      {create.error ? (
        <p className="form-error" role="alert">
          {messageOf(create.error)}
        </p>
      ) : null}
    </form>
  );
}

function AccountRow({ account }: { account: AccountSummary }) {
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<{ tone: "error" | "success"; text: string }>();
  const change = useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      postJson(`/api/accounts/${account.id}`, patch, "PATCH"),
    onMutate: () => setOutcome(undefined),
    onSuccess: (_, patch) => {
      if ("password" in patch) {
        setOutcome({ tone: "success", text: `Password reset for ${account.email}.` });
      }
      return queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (caught) => setOutcome({ tone: "error", text: messageOf(caught) }),
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/accounts/${account.id}`, { method: "DELETE" }),
    onMutate: () => setOutcome(undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
    onError: (caught) => setOutcome({ tone: "error", text: messageOf(caught) }),
  });
  const isSelf = account.id === viewer.id;
  const resetPassword = () => {
    const password = window.prompt(`New password for ${account.email} (at least 10 characters)`);
    if (password) change.mutate({ password });
  };
  return (
    <tr>
      <td>
        <div className="cell-stack">
          <span>{account.name}</span>
          <span className="muted">{account.email}</span>
        </div>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${account.id}`}>
          Role of {account.email}
        </label>
        <select
          id={`role-${account.id}`}
          value={account.role}
          disabled={isSelf || change.isPending}
          onChange={(event) => change.mutate({ role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {account.isDisabled ? (
          <Badge tone="neutral">Disabled</Badge>
        ) : (
          <Badge tone="success">Active</Badge>
        )}
      </td>
      <td>
        <RelativeTime iso={account.lastSignInAt} fallback="Never" />
      </td>
      <td className="cell-actions">
        {isSelf ? (
          <span className="muted small">This is you</span>
        ) : (
          <>
            <button type="button" className="button button-small" onClick={resetPassword}>
              Reset password
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => change.mutate({ disabled: !account.isDisabled })}
            >
              {account.isDisabled ? "Enable" : "Disable"}
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => window.confirm(`Delete ${account.email}?`) && remove.mutate()}
            >
              Delete
            </button>
          </>
        )}
        {outcome?.tone === "error" ? (
          <p className="form-error" role="alert">
            {outcome.text}
          </p>
        ) : outcome ? (
          <p className="form-success" role="status">
            {outcome.text}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function AccountsView() {
  const result = useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch<{ accounts: AccountSummary[] }>("/api/accounts"),
  });
  return (
    <>
      <PageHeader
        title="Accounts"
        description={
          "People who can sign in to this Roster. Admins manage everything, compliance officers " +
          "read everything and keep the sub-processor register, viewers read."
        }
      />
      <NewAccountForm />
      {result.isPending ? (
        <div className="card">
          <SkeletonLines count={4} />
        </div>
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Accounts">
            <thead>
              <tr>
                <th>Account</th>
                <th>Role</th>
                <th>Status</th>
                <th>Last sign-in</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {result.data.accounts.map((account) => (
                <AccountRow key={account.id} account={account} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
