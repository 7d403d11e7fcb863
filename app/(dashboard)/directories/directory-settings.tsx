"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch, postJson } from "@/components/data/api-client";
import { DEFAULT_RATE_PER_SECOND, RATE_PER_SECOND_MAX } from "@/lib/scim-http/rate-limit";
import type { DirectoryView } from "./directory-card";

const formatCount = (n: number) => n.toLocaleString("en-US");
export const counted = (n: number, noun: string) =>
  `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;

function errorText(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  return error.issues[0]?.message ?? error.message;
}

function RenameAndLimitForm({ directory }: { directory: DirectoryView }) {
  const queryClient = useQueryClient();
  const [isSaved, setIsSaved] = useState(false);
  const save = useMutation({
    mutationFn: (changes: { name: string; rateLimitPerSecond: number | null }) =>
      postJson(`/api/directories/${directory.id}`, changes, "PATCH"),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["directories"] });
      setIsSaved(true);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rate = String(form.get("rateLimitPerSecond") ?? "").trim();
    setIsSaved(false);
    save.mutate({
      name: String(form.get("name") ?? ""),
      rateLimitPerSecond: rate === "" ? null : Number(rate),
    });
  };
  const hintId = `rate-hint-${directory.id}`;
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Settings of ${directory.name}`}>
      <label className="field field-inline">
        <span>Directory name</span>
        <input name="name" required maxLength={200} defaultValue={directory.name} />
      </label>
      <label className="field field-inline">
        <span>Rate limit (requests per second per token)</span>
        <input
          name="rateLimitPerSecond"
          type="number"
          inputMode="numeric"
          min={1}
          max={RATE_PER_SECOND_MAX}
          step={1}
          defaultValue={directory.rateLimitPerSecond ?? ""}
          placeholder={`Default: ${formatCount(DEFAULT_RATE_PER_SECOND)}`}
          aria-describedby={hintId}
        />
      </label>
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </button>
      <p className="muted small form-note" id={hintId}>
        Leave the rate limit empty for the default of {formatCount(DEFAULT_RATE_PER_SECOND)}; bursts
        of up to twice the limit pass. A new limit applies to the next request.
      </p>
      {save.error ? (
        <p className="form-error" role="alert">
          {errorText(save.error, "Could not save the settings.")}
        </p>
      ) : isSaved ? (
        <p className="form-success" role="status">
          Settings saved.
        </p>
      ) : null}
    </form>
  );
}

export type DeletedDirectory = {
  id: string;
  name: string;
  provider: string;
  users: number;
  groups: number;
  tokens: number;
};

type OnDeleted = (deleted: DeletedDirectory) => void;

function DeleteDirectory({
  directory,
  onDeleted,
}: {
  directory: DirectoryView;
  onDeleted: OnDeleted;
}) {
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () =>
      apiFetch<{ deleted: DeletedDirectory }>(`/api/directories/${directory.id}`, {
        method: "DELETE",
      }),
    onSuccess: async ({ deleted }) => {
      onDeleted(deleted);
      await queryClient.invalidateQueries({ queryKey: ["directories"] });
    },
  });
  const isConfirmed = typed.trim() === directory.name;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isConfirmed) remove.mutate();
  };
  const users = counted(directory.userCount, "user");
  const groups = counted(directory.groupCount, "group");
  return (
    <section className="danger-zone" aria-labelledby={`delete-${directory.id}`}>
      <h3 className="subheading" id={`delete-${directory.id}`}>
        Delete directory
      </h3>
      <p className="muted">
        Deletes its {users}, {groups} and every token. The identity provider is refused from then
        on; its sync-log entries stay. This cannot be undone.
      </p>
      <form className="inline-form" onSubmit={submit}>
        <label className="field field-inline">
          <span>
            Type <strong>{directory.name}</strong> to confirm
          </span>
          <input
            name="confirmName"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
          />
        </label>
        <button
          type="submit"
          className="button button-danger"
          disabled={!isConfirmed || remove.isPending}
        >
          {remove.isPending ? "Deleting…" : "Delete directory"}
        </button>
        {remove.error ? (
          <p className="form-error" role="alert">
            {errorText(remove.error, "Could not delete the directory.")}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** Admin-only: rename, rate limit and deletion, folded away like the set-up steps. */
export function DirectorySettings({
  directory,
  onDeleted,
}: {
  directory: DirectoryView;
  onDeleted: OnDeleted;
}) {
  return (
    <details className="setup-steps">
      <summary>Settings</summary>
      <div className="directory-settings">
        <RenameAndLimitForm directory={directory} />
        <DeleteDirectory directory={directory} onDeleted={onDeleted} />
      </div>
    </details>
  );
}
