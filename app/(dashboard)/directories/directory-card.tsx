"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch, postJson } from "@/components/data/api-client";
import { useViewer } from "@/components/data/session-context";
import { Badge, PROVIDER_LABELS } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime, RelativeTime } from "@/components/ui/time";
import type { listDirectoryViews } from "@/lib/dashboard/list-directory-views";
import { DirectorySettings, type DeletedDirectory } from "./directory-settings";
import { ProviderSteps } from "./provider-steps";
import { SecretReveal } from "./secret-reveal";

export type DirectoryView = ReturnType<typeof listDirectoryViews>[number];
export type NewSecret = { tokenId: string; secret: string };

function TokenForm({
  directoryId,
  onCreated,
}: {
  directoryId: string;
  onCreated: (secret: NewSecret) => void;
}) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (name: string) =>
      postJson<{ id: string; token: string }>(`/api/directories/${directoryId}/tokens`, { name }),
    onSuccess: (created) => {
      onCreated({ tokenId: created.id, secret: created.token });
      void queryClient.invalidateQueries({ queryKey: ["directories"] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = new FormData(form).get("name");
    create.mutate(typeof name === "string" && name.trim() ? name : "default", {
      onSuccess: () => form.reset(),
    });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="field field-inline">
        <span>Token name</span>
        <input name="name" placeholder="e.g. production" maxLength={100} />
      </label>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
      {create.error ? (
        <p className="form-error" role="alert">
          {create.error instanceof ApiError ? create.error.message : "Could not create the token."}
        </p>
      ) : null}
    </form>
  );
}

function TokenRow({
  token,
  canManage,
}: {
  token: DirectoryView["tokens"][number];
  canManage: boolean;
}) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/tokens/${token.id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["directories"] }),
  });
  const confirmRevoke = () => {
    const isSure = window.confirm(
      `Revoke “${token.name}”? The identity provider using it is refused from now on.`,
    );
    if (isSure) revoke.mutate();
  };
  return (
    <tr>
      <td>{token.name}</td>
      <td title={formatDateTime(token.createdAt)}>
        <RelativeTime iso={token.createdAt} />
      </td>
      <td>
        <RelativeTime iso={token.lastUsedAt} fallback="Never used" />
      </td>
      <td>
        {token.revokedAt ? (
          <Badge tone="danger">Revoked</Badge>
        ) : (
          <Badge tone="success">Live</Badge>
        )}
      </td>
      {canManage ? (
        <td className="cell-actions">
          {token.revokedAt ? null : (
            <button
              type="button"
              className="button button-small button-danger"
              onClick={confirmRevoke}
              disabled={revoke.isPending}
            >
              Revoke
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}

export function DirectoryCard({
  directory,
  firstSecret,
  onDeleted,
}: {
  directory: DirectoryView;
  firstSecret?: NewSecret;
  onDeleted: (deleted: DeletedDirectory) => void;
}) {
  const { role } = useViewer();
  const canManage = role === "admin";
  const [secret, setSecret] = useState(firstSecret);
  const isSecretRevoked = directory.tokens.some(
    (token) => token.id === secret?.tokenId && token.revokedAt !== null,
  );
  return (
    <article className="card directory" aria-labelledby={`directory-${directory.id}`}>
      <header className="card-head">
        <div>
          <h2 className="card-title" id={`directory-${directory.id}`}>
            {directory.name}
          </h2>
          <span className="muted">{PROVIDER_LABELS[directory.provider] ?? directory.provider}</span>
        </div>
        <span className="muted small">
          Created <RelativeTime iso={directory.createdAt} />
        </span>
      </header>
      <div className="setup-value">
        <span className="setup-label">SCIM base URL</span>
        <code>{directory.scimBaseUrl}</code>
        <CopyButton value={directory.scimBaseUrl} what="SCIM base URL" />
      </div>
      <div className="setup-value">
        <span className="setup-label">Directory ID</span>
        <code>{directory.id}</code>
        <CopyButton value={directory.id} what="directory ID" />
      </div>
      {secret && !isSecretRevoked ? (
        <SecretReveal secret={secret.secret} onDone={() => setSecret(undefined)} />
      ) : null}
      <h3 className="subheading">Tokens</h3>
      <table className="data-table compact" aria-label={`Tokens of ${directory.name}`}>
        <thead>
          <tr>
            <th>Name</th>
            <th>Created</th>
            <th>Last used</th>
            <th>Status</th>
            {canManage ? <th aria-label="Actions" /> : null}
          </tr>
        </thead>
        <tbody>
          {directory.tokens.map((token) => (
            <TokenRow key={token.id} token={token} canManage={canManage} />
          ))}
        </tbody>
      </table>
      {canManage ? <TokenForm directoryId={directory.id} onCreated={setSecret} /> : null}
      <details className="setup-steps">
        <summary>Set-up steps for {PROVIDER_LABELS[directory.provider] ?? "your IdP"}</summary>
        <ProviderSteps provider={directory.provider} baseUrl={directory.scimBaseUrl} />
      </details>
      {canManage ? <DirectorySettings directory={directory} onDeleted={onDeleted} /> : null}
    </article>
  );
}
