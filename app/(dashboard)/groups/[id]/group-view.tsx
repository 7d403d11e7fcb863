"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/data/api-client";
import { useChangeStamp } from "@/components/data/use-change-stamp";
import { Timeline } from "@/components/sync/timeline";
import { JsonBlock } from "@/components/ui/json-block";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, SkeletonLines } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { getGroupDetail } from "@/lib/dashboard/get-group-detail";
import { GroupMembers } from "./group-members";

type GroupDetail = ReturnType<typeof getGroupDetail>;
const number = new Intl.NumberFormat("en");

export function GroupView({ id }: { id: string }) {
  const stamp = useChangeStamp();
  const result = useQuery({
    queryKey: ["group", id, stamp?.groups],
    queryFn: () => apiFetch<GroupDetail>(`/api/groups/${encodeURIComponent(id)}`),
    placeholderData: keepPreviousData,
  });
  const back = <Link href="/groups">← Groups</Link>;
  if (result.isPending) {
    return (
      <>
        <PageHeader title="Group" eyebrow={back} />
        <div className="card">
          <SkeletonLines count={6} />
        </div>
      </>
    );
  }
  if (result.isError) {
    return (
      <>
        <PageHeader title="Group" eyebrow={back} />
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      </>
    );
  }
  const group = result.data;
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={group.displayName}
        description={
          <>
            {number.format(group.memberCount)} member{group.memberCount === 1 ? "" : "s"} ·{" "}
            {group.directoryName} · modified <RelativeTime iso={group.lastModified} />
          </>
        }
      />
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <h2 className="card-title">Members</h2>
            <GroupMembers groupId={id} stamp={stamp?.groups} />
          </section>
          <section className="card">
            <h2 className="card-title">Raw SCIM resource</h2>
            <p className="muted small">
              Shown without <code>members</code>; the list above pages through them.
            </p>
            <JsonBlock value={group.scim} label="SCIM JSON of this group" />
          </section>
        </div>
        <div className="detail-side">
          <section className="card">
            <h2 className="card-title">Attributes</h2>
            <dl className="facts">
              <dt>Id</dt>
              <dd>
                <code>{group.id}</code>
              </dd>
              <dt>externalId</dt>
              <dd>{group.externalId ? <code>{group.externalId}</code> : "—"}</dd>
              <dt>Created</dt>
              <dd>
                <RelativeTime iso={group.createdAt} />
              </dd>
              <dt>Directory</dt>
              <dd>{group.directoryName}</dd>
            </dl>
          </section>
          <section className="card">
            <h2 className="card-title">Timeline</h2>
            <Timeline events={group.timeline} />
          </section>
        </div>
      </div>
    </>
  );
}
