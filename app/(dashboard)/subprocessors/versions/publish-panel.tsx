"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFetch, postJson } from "@/components/data/api-client";
import { ChangelogView } from "@/components/subprocessors/changelog-view";
import type { Changelog } from "@/lib/subprocessors/changelog";
import { isEmptyChangelog } from "@/lib/subprocessors/changelog";
import type { EntryList } from "@/lib/subprocessors/list-entries";

/** Publishing is not blocked by failing checks, but nobody should do it without knowing. */
function FailingChecksWarning() {
  const register = useQuery({
    queryKey: ["subprocessors", ""],
    queryFn: () => apiFetch<EntryList>("/api/subprocessors"),
  });
  const failing = register.data?.summary.failing ?? 0;
  if (failing === 0) return null;
  return (
    <p className="notice notice-warning" role="status">
      {failing === 1
        ? "1 entry to be published fails a compliance check. "
        : `${failing} entries to be published fail a compliance check. `}
      <Link href="/subprocessors?attention=true">
        {failing === 1 ? "Review it" : "Review them"}
      </Link>
      {failing === 1 ? " first, or publish it as it is." : " first, or publish them as they are."}
    </p>
  );
}

/** The draft's changes against the latest version, and the two-step Publish action. */
export function PublishPanel({ pending, nextNumber }: { pending: Changelog; nextNumber: number }) {
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<number | undefined>();
  const publish = useMutation({
    mutationFn: () => postJson<{ version: { number: number } }>("/api/subprocessors/versions", {}),
    onSuccess: async (answer) => {
      setConfirming(false);
      setPublished(answer.version.number);
      await queryClient.invalidateQueries({ queryKey: ["subprocessor-versions"] });
    },
  });
  const hasChanges = !isEmptyChangelog(pending);
  return (
    <section className="card publish-panel" id="publish" aria-labelledby="publish-title">
      <div className="card-head">
        <div>
          <h2 className="card-title" id="publish-title">
            Unpublished changes
          </h2>
          <p className="muted small">
            {pending.previousVersion === null
              ? "Nothing is public yet. Publishing lists every proposed and active entry."
              : `Compared with version ${pending.previousVersion}, the public one. ` +
                "Retired entries leave the list."}
          </p>
        </div>
        {hasChanges && !isConfirming ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setConfirming(true)}
          >
            Publish version {nextNumber}…
          </button>
        ) : null}
      </div>
      {published ? (
        <p className="notice notice-success" role="status">
          Version {published} is published and now shown on the public page.
        </p>
      ) : null}
      <ChangelogView
        changelog={pending}
        linkEntries
        emptyText="The draft matches the published version."
      />
      {isConfirming ? (
        <div className="confirm-bar" role="group" aria-label="Confirm publishing">
          <FailingChecksWarning />
          <p>
            Version {nextNumber} will be frozen and shown to customers at /trust/subprocessors, and
            feed readers will be told. It cannot be changed afterwards.
          </p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => publish.mutate()}
              disabled={publish.isPending}
            >
              {publish.isPending ? "Publishing…" : `Publish version ${nextNumber}`}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {publish.isError ? (
        <p className="form-error" role="alert">
          {publish.error.name === "ApiError"
            ? publish.error.message
            : "Publishing failed. Try again in a moment."}
        </p>
      ) : null}
    </section>
  );
}
