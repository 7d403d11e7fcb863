"use client";

import type { Column } from "@/components/data/data-table";
import { ProvisionedList } from "@/components/data/provisioned-list";
import { useUrlState } from "@/components/data/use-url-state";
import { ActiveBadge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/time";
import { Truncated } from "@/components/ui/truncated";
import type { UserListItem } from "@/lib/dashboard/list-users";

const columns: Column<UserListItem>[] = [
  {
    id: "userName",
    header: "userName",
    accessorKey: "userName",
    cell: ({ row }) => <Truncated text={row.original.userName} />,
  },
  {
    id: "displayName",
    header: "Display name",
    accessorKey: "displayName",
    cell: ({ row }) => row.original.displayName ?? <span className="muted">—</span>,
  },
  {
    id: "email",
    header: "Email",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.email ? (
        <Truncated text={row.original.email} />
      ) : (
        <span className="muted">—</span>
      ),
  },
  { id: "directory", header: "Directory", enableSorting: false, accessorKey: "directoryName" },
  {
    id: "active",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => <ActiveBadge active={row.original.active} />,
  },
  {
    id: "lastModified",
    accessorKey: "lastModified",
    header: "Last modified",
    sortDescFirst: true,
    cell: ({ row }) => <RelativeTime iso={row.original.lastModified} />,
  },
];

function StatusFilter() {
  const { get, set } = useUrlState();
  return (
    <label className="select-field">
      <span>Status</span>
      <select
        value={get("active") ?? ""}
        onChange={(event) => set({ active: event.target.value, page: undefined })}
      >
        <option value="">Any status</option>
        <option value="true">Active</option>
        <option value="false">Inactive</option>
      </select>
    </label>
  );
}

export function UsersView({ directories }: { directories: { id: string; name: string }[] }) {
  return (
    <ProvisionedList
      resource="users"
      title="Users"
      description="Every user your identity providers have provisioned, across all directories."
      search={{ label: "Search users", placeholder: "Search userName, name or email" }}
      columns={columns}
      sortDefault="userName"
      directories={directories}
      extraFilters={{ keys: ["active"], controls: <StatusFilter /> }}
      empty={{
        filtered: { title: "No users match", text: "Try a shorter search or other filters." },
        none: {
          title: "No users yet",
          text: "Users appear here as soon as an identity provider provisions them.",
        },
      }}
    />
  );
}
