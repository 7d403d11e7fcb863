"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/components/data/api-client";
import { SearchBox } from "@/components/data/search-box";
import { ActiveBadge, Badge } from "@/components/ui/badge";
import { lastPageOf, Pagination, PastLastPage } from "@/components/ui/pagination";
import { EmptyState, ErrorState, SkeletonLines } from "@/components/ui/states";
import type { MemberItem } from "@/lib/dashboard/list-group-members";
import type { Page } from "@/lib/dashboard/page-input";

const PAGE_SIZE = 25;

/** Members a page at a time, searchable, so that very large groups stay quick. */
export function GroupMembers({ groupId, stamp }: { groupId: string; stamp?: string }) {
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q) query.set("q", q);
  const result = useQuery({
    queryKey: ["group-members", groupId, q, page, stamp],
    queryFn: () =>
      apiFetch<Page<MemberItem>>(`/api/groups/${encodeURIComponent(groupId)}/members?${query}`),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="members">
      <SearchBox
        label="Search members"
        placeholder="Search members by name or userName"
        value={q}
        onChange={(text) => {
          setQ(text);
          setPage(1);
        }}
      />
      {result.isPending ? (
        <SkeletonLines count={5} />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : result.data.items.length === 0 && result.data.total > 0 && page > 1 ? (
        <PastLastPage
          page={page}
          lastPage={lastPageOf(result.data.total, result.data.pageSize)}
          noun="members"
          onLastPage={() => setPage(lastPageOf(result.data.total, result.data.pageSize))}
        />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={q ? "No members match" : "This group has no members"} />
      ) : (
        <>
          <ul className="member-list" data-refreshing={result.isPlaceholderData || undefined}>
            {result.data.items.map((member) => (
              <li key={member.id}>
                <Link
                  href={member.type === "User" ? `/users/${member.id}` : `/groups/${member.id}`}
                >
                  {member.label}
                </Link>
                {member.secondary && member.secondary !== member.label ? (
                  <span className="muted">{member.secondary}</span>
                ) : null}
                <span className="member-meta">
                  {member.type === "Group" ? <Badge tone="info">Group</Badge> : null}
                  {member.active === null ? null : <ActiveBadge active={member.active} />}
                </span>
              </li>
            ))}
          </ul>
          <Pagination
            page={result.data.page}
            pageSize={result.data.pageSize}
            total={result.data.total}
            onPage={setPage}
            noun="members"
          />
        </>
      )}
    </div>
  );
}
