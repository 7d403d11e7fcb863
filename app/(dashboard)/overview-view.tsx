"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/data/api-client";
import { useChangeStamp } from "@/components/data/use-change-stamp";
import { EVENT_TONES, EVENT_VERBS } from "@/components/sync/event-text";
import { Badge, PROVIDER_LABELS } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, SkeletonLines } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { Overview } from "@/lib/dashboard/get-overview";
import { RequestChart } from "./request-chart";

const OVERVIEW_POLL_MS = 15_000;
const number = new Intl.NumberFormat("en");

type DirectorySummary = Overview["directories"][number];

function DirectoryCard({ directory }: { directory: DirectorySummary }) {
  const errorRate = directory.requests24h === 0 ? 0 : directory.errors24h / directory.requests24h;
  return (
    <article className="card directory-card">
      <header className="card-head">
        <div>
          <h2 className="card-title">{directory.name}</h2>
          <span className="muted">{PROVIDER_LABELS[directory.provider] ?? directory.provider}</span>
        </div>
        <Link href={`/users?directory=${directory.id}`} className="button button-small">
          View users
        </Link>
      </header>
      <dl className="stats">
        <div>
          <dt>Active users</dt>
          <dd>{number.format(directory.users.active)}</dd>
        </div>
        <div>
          <dt>Inactive</dt>
          <dd>{number.format(directory.users.inactive)}</dd>
        </div>
        <div>
          <dt>Groups</dt>
          <dd>{number.format(directory.groups)}</dd>
        </div>
        <div>
          <dt>Last successful sync</dt>
          <dd className="stat-small">
            <RelativeTime iso={directory.lastSuccessfulSyncAt} fallback="Never" />
          </dd>
        </div>
      </dl>
      <div className="chart-head">
        <span>
          {number.format(directory.requests24h)} requests in 24 h
          {directory.errors24h > 0 ? (
            <span className="text-danger">
              {" "}
              · {number.format(directory.errors24h)} failed ({Math.round(errorRate * 100)}%)
            </span>
          ) : null}
        </span>
      </div>
      <RequestChart
        series={directory.series}
        label={`Requests per hour for ${directory.name} over the last 24 hours`}
      />
    </article>
  );
}

function RecentEvents({ events }: { events: Overview["recentEvents"] }) {
  if (events.length === 0) {
    return (
      <EmptyState title="No provisioning activity yet">
        Events appear here as soon as an identity provider sends users or groups.
      </EmptyState>
    );
  }
  return (
    <ul className="event-list">
      {events.map((event) => {
        const href = !event.resourceExists
          ? undefined
          : event.resourceType === "User"
            ? `/users/${event.resourceId}`
            : `/groups/${event.resourceId}`;
        const label = event.resourceLabel ?? event.resourceId;
        return (
          <li key={event.id}>
            <Badge tone={EVENT_TONES[event.type]}>
              {event.resourceType === "User" ? "User" : "Group"} {EVENT_VERBS[event.type]}
            </Badge>
            {href ? <Link href={href}>{label}</Link> : <span>{label}</span>}
            <span className="muted">{event.directoryName}</span>
            <RelativeTime iso={event.createdAt} />
          </li>
        );
      })}
    </ul>
  );
}

export function OverviewView() {
  const stamp = useChangeStamp();
  const query = useQuery({
    queryKey: ["overview", stamp?.users, stamp?.groups, stamp?.requests],
    queryFn: () => apiFetch<Overview>("/api/overview"),
    refetchInterval: OVERVIEW_POLL_MS,
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageHeader
        title="Overview"
        description="What your identity providers have provisioned, and how the last day went."
      />
      {query.isPending ? (
        <div className="card-grid">
          <div className="card">
            <SkeletonLines count={5} />
          </div>
          <div className="card">
            <SkeletonLines count={5} />
          </div>
        </div>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.directories.length === 0 ? (
        <EmptyState title="No directories yet">
          Connect an identity provider on the <Link href="/directories">Directories</Link> page, or
          run <code>npm run -s cli -- demo</code> to see Roster with sample data.
        </EmptyState>
      ) : (
        <>
          <div className="card-grid">
            {query.data.directories.map((directory) => (
              <DirectoryCard key={directory.id} directory={directory} />
            ))}
          </div>
          <section className="section">
            <h2 className="section-title">Recent events</h2>
            <div className="card">
              <RecentEvents events={query.data.recentEvents} />
            </div>
          </section>
        </>
      )}
    </>
  );
}
