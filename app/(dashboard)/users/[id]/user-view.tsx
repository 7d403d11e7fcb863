"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/data/api-client";
import { AttributeList } from "@/components/data/attribute-list";
import { useChangeStamp } from "@/components/data/use-change-stamp";
import { Timeline } from "@/components/sync/timeline";
import { ActiveBadge } from "@/components/ui/badge";
import { JsonBlock } from "@/components/ui/json-block";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, SkeletonLines } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { getUserDetail } from "@/lib/dashboard/get-user-detail";

type UserDetail = ReturnType<typeof getUserDetail>;

export function UserView({ id }: { id: string }) {
  const stamp = useChangeStamp();
  const result = useQuery({
    queryKey: ["user", id, stamp?.users],
    queryFn: () => apiFetch<UserDetail>(`/api/users/${encodeURIComponent(id)}`),
    placeholderData: (previous) => previous,
  });

  if (result.isPending) {
    return (
      <>
        <PageHeader title="User" eyebrow={<Link href="/users">← Users</Link>} />
        <div className="card">
          <SkeletonLines count={6} />
        </div>
      </>
    );
  }
  if (result.isError) {
    return (
      <>
        <PageHeader title="User" eyebrow={<Link href="/users">← Users</Link>} />
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      </>
    );
  }

  const user = result.data;
  const { id: _id, meta: _meta, schemas: _schemas, groups: _groups, ...core } = user.core;
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/users">← Users</Link>}
        title={user.displayName ?? user.userName}
        description={
          <>
            <code>{user.userName}</code> · {user.directoryName} ·{" "}
            <ActiveBadge active={user.active} /> &middot; modified{" "}
            <RelativeTime iso={user.lastModified} />
          </>
        }
      />
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <h2 className="card-title">Core attributes</h2>
            <AttributeList attributes={core} />
          </section>
          <section className="card">
            <h2 className="card-title">Enterprise attributes</h2>
            {user.enterprise ? (
              <AttributeList attributes={user.enterprise} />
            ) : (
              <p className="muted">This user has no enterprise extension attributes.</p>
            )}
          </section>
          <section className="card">
            <h2 className="card-title">Raw SCIM resource</h2>
            <JsonBlock value={user.scim} label="SCIM JSON of this user" />
          </section>
        </div>
        <div className="detail-side">
          <section className="card">
            <h2 className="card-title">Groups ({user.groups.length})</h2>
            {user.groups.length === 0 ? (
              <p className="muted">Not a member of any group.</p>
            ) : (
              <ul className="link-list">
                {user.groups.map((group) => (
                  <li key={group.id}>
                    <Link href={`/groups/${group.id}`}>{group.displayName}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card">
            <h2 className="card-title">Timeline</h2>
            {user.timeline.length === 0 ? (
              <EmptyState title="No changes recorded yet" />
            ) : (
              <Timeline events={user.timeline} />
            )}
          </section>
          <section className="card">
            <h2 className="card-title">Record</h2>
            <dl className="facts">
              <dt>Id</dt>
              <dd>
                <code>{user.id}</code>
              </dd>
              <dt>Created</dt>
              <dd>
                <RelativeTime iso={user.createdAt} />
              </dd>
              <dt>Directory</dt>
              <dd>{user.directoryName}</dd>
            </dl>
          </section>
        </div>
      </div>
    </>
  );
}
