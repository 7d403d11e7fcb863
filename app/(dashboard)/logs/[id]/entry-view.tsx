"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/data/api-client";
import { ResourceLink } from "@/components/sync/resource-link";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, SkeletonLines } from "@/components/ui/states";
import type { LogEntry } from "@/lib/sync-log/get-log-entry";
import { formatDuration, LogTime, MethodLabel, StatusBadge } from "../log-format";
import { LAST_VIEW_KEY } from "../logs-view";
import styles from "../logs.module.css";
import { BodyPane } from "./body-pane";
import { EntryEvents } from "./entry-events";

/** Back to the list as it was filtered when this entry was opened from it. */
function useBackHref(): string {
  const [href, setHref] = useState("/logs");
  useEffect(() => {
    const view = sessionStorage.getItem(LAST_VIEW_KEY);
    if (view) setHref(`/logs?${view}`);
  }, []);
  return href;
}

function Facts({ entry }: { entry: LogEntry }) {
  return (
    <section className="card">
      <h2 className="card-title">Request</h2>
      <dl className="facts">
        <dt>Time</dt>
        <dd>
          <LogTime iso={entry.createdAt} />
        </dd>
        <dt>Directory</dt>
        <dd>{entry.directoryName ?? <span className="muted">Unknown token</span>}</dd>
        <dt>Token</dt>
        <dd>{entry.tokenName ?? <span className="muted">—</span>}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(entry.durationMs)}</dd>
        <dt>Client IP</dt>
        <dd>{entry.clientIp ?? <span className="muted">—</span>}</dd>
        <dt>User agent</dt>
        <dd>{entry.userAgent ?? <span className="muted">—</span>}</dd>
        <dt>Entry id</dt>
        <dd className={styles.idRow}>
          <code>{entry.id}</code>
          <CopyButton value={entry.id} label="Copy id" />
        </dd>
      </dl>
    </section>
  );
}

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  return (
    <section className="card">
      <h2 className="card-title">Headers of note</h2>
      {entries.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <dl className="facts">
          {entries.map(([name, value]) => (
            <Fragment key={name}>
              <dt>
                <code>{name}</code>
              </dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}

function Quirks({ quirks }: { quirks: LogEntry["quirks"] }) {
  return (
    <section className="card">
      <h2 className="card-title">Client quirks</h2>
      {quirks.length === 0 ? (
        <p className="muted">None: the request followed RFC 7643/7644 as Roster reads them.</p>
      ) : (
        <ul className={styles.quirks}>
          {quirks.map((quirk) => (
            <li key={quirk.code}>
              {quirk.text} <code>{quirk.code}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Resources({ entry }: { entry: LogEntry }) {
  const { resources, addressed } = entry;
  return (
    <section className="card">
      <h2 className="card-title">Resources touched</h2>
      {resources.length > 0 ? (
        <ul className="link-list">
          {resources.map((resource) => (
            <li key={`${resource.type}:${resource.id}`}>
              <span className="muted">{resource.type}</span> <ResourceLink resource={resource} />
            </li>
          ))}
        </ul>
      ) : addressed ? (
        <p>
          None changed. The path names {addressed.type === "User" ? "user" : "group"}{" "}
          <ResourceLink resource={addressed} />.
        </p>
      ) : (
        <p className="muted">None.</p>
      )}
    </section>
  );
}

export function EntryView({ id }: { id: string }) {
  const backHref = useBackHref();
  const result = useQuery({
    queryKey: ["log-entry", id],
    queryFn: () => apiFetch<LogEntry>(`/api/logs/${encodeURIComponent(id)}`),
  });
  const back = <Link href={backHref}>← Sync log</Link>;

  if (result.isPending || result.isError) {
    return (
      <>
        <PageHeader title="Log entry" eyebrow={back} />
        {result.error instanceof ApiError && result.error.status === 404 ? (
          <div className="card" role="alert">
            <EmptyState title="Log entry not found.">
              It may have been pruned: log entries are kept for a set number of days, 30 unless
              configured. Events stay on each user’s and group’s timeline longer.
            </EmptyState>
          </div>
        ) : result.isError ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <div className="card">
            <SkeletonLines count={6} />
          </div>
        )}
      </>
    );
  }

  const entry = result.data;
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={
          <span className={styles.titlePath}>
            <MethodLabel method={entry.method} /> {entry.path}
          </span>
        }
        description={
          <span className={styles.summary}>
            <StatusBadge status={entry.status} scimType={entry.scimType} />
            <span>{entry.directoryName ?? "Unknown token"}</span>
            <LogTime iso={entry.createdAt} />
            <span>{formatDuration(entry.durationMs)}</span>
            {entry.query ? <code>?{entry.query}</code> : null}
          </span>
        }
      />
      <div className={styles.bodies}>
        <BodyPane title="Request body" body={entry.requestBody} />
        <BodyPane title="Response body" body={entry.responseBody} />
      </div>
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <h2 className="card-title">What changed</h2>
            <EntryEvents events={entry.events} resources={entry.resources} status={entry.status} />
          </section>
          <Quirks quirks={entry.quirks} />
        </div>
        <div className="detail-side">
          <Facts entry={entry} />
          <Resources entry={entry} />
          <Headers headers={entry.headers} />
        </div>
      </div>
    </>
  );
}
