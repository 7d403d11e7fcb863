"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch, postJson } from "@/components/data/api-client";
import { useViewer } from "@/components/data/session-context";
import { PROVIDER_LABELS } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, SkeletonLines } from "@/components/ui/states";
import { DirectoryCard, type DirectoryView, type NewSecret } from "./directory-card";
import { counted, type DeletedDirectory } from "./directory-settings";

const PROVIDERS = Object.keys(PROVIDER_LABELS);
const DIRECTORIES_POLL_MS = 30_000;

function NewDirectoryForm({
  onCreated,
}: {
  onCreated: (directoryId: string, secret: NewSecret) => void;
}) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: { name: string; provider: string }) =>
      postJson<{ directory: { id: string }; token: string; tokenInfo: { id: string } }>(
        "/api/directories",
        input,
      ),
    onSuccess: async (created, _input) => {
      await queryClient.invalidateQueries({ queryKey: ["directories"] });
      onCreated(created.directory.id, { tokenId: created.tokenInfo.id, secret: created.token });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name") ?? ""), provider: String(form.get("provider")) });
    event.currentTarget.reset();
  };
  const issue = create.error instanceof ApiError ? create.error.issues[0]?.message : undefined;
  return (
    <form className="card inline-form new-directory" onSubmit={submit} aria-label="New directory">
      <label className="field field-inline">
        <span>Directory name</span>
        <input name="name" required maxLength={200} placeholder="e.g. Acme Corp" />
      </label>
      <label className="field field-inline">
        <span>Identity provider</span>
        <select name="provider" defaultValue="entra">
          {PROVIDERS.map((provider) => (
            <option key={provider} value={provider}>
              {PROVIDER_LABELS[provider]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create directory"}
      </button>
      {create.error ? (
        <p className="form-error" role="alert">
          {issue ?? (create.error instanceof ApiError ? create.error.message : "Try again.")}
        </p>
      ) : null}
    </form>
  );
}

export function DirectoriesView() {
  const { role } = useViewer();
  const [fresh, setFresh] = useState<{ id: string; secret: NewSecret }>();
  const [deleted, setDeleted] = useState<DeletedDirectory>();
  const result = useQuery({
    queryKey: ["directories"],
    queryFn: () => apiFetch<{ directories: DirectoryView[] }>("/api/directories"),
    refetchInterval: DIRECTORIES_POLL_MS,
  });
  return (
    <>
      <PageHeader
        title="Directories"
        description="Each directory is one identity provider connection with its own SCIM tokens."
      />
      {role === "admin" ? (
        <NewDirectoryForm onCreated={(id, secret) => setFresh({ id, secret })} />
      ) : (
        <p className="notice">Only admins can create directories and tokens.</p>
      )}
      {deleted ? (
        <p className="notice" role="status">
          Deleted {deleted.name} with {counted(deleted.users, "user")},{" "}
          {counted(deleted.groups, "group")} and {counted(deleted.tokens, "token")}.
        </p>
      ) : null}
      {result.isPending ? (
        <div className="card">
          <SkeletonLines count={4} />
        </div>
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : result.data.directories.length === 0 ? (
        <EmptyState title="No directories yet">
          {role === "admin"
            ? "Create one above, then give its SCIM base URL and token to your identity provider."
            : "An admin has not connected an identity provider yet."}
        </EmptyState>
      ) : (
        <div className="stack">
          {[...result.data.directories].reverse().map((directory) => (
            <DirectoryCard
              key={directory.id}
              directory={directory}
              firstSecret={fresh?.id === directory.id ? fresh.secret : undefined}
              onDeleted={setDeleted}
            />
          ))}
        </div>
      )}
    </>
  );
}
