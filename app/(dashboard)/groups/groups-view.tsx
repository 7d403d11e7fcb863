"use client";

import type { Column } from "@/components/data/data-table";
import { ProvisionedList } from "@/components/data/provisioned-list";
import { RelativeTime } from "@/components/ui/time";
import type { GroupListItem } from "@/lib/dashboard/list-groups";

const number = new Intl.NumberFormat("en");

const columns: Column<GroupListItem>[] = [
  { id: "displayName", header: "Display name", accessorKey: "displayName" },
  {
    id: "members",
    header: "Members",
    enableSorting: false,
    cell: ({ row }) => number.format(row.original.memberCount),
  },
  {
    id: "externalId",
    header: "externalId",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.externalId ? (
        <code>{row.original.externalId}</code>
      ) : (
        <span className="muted">—</span>
      ),
  },
  { id: "directory", header: "Directory", enableSorting: false, accessorKey: "directoryName" },
  {
    id: "lastModified",
    accessorKey: "lastModified",
    header: "Last modified",
    sortDescFirst: true,
    cell: ({ row }) => <RelativeTime iso={row.original.lastModified} />,
  },
];

export function GroupsView({ directories }: { directories: { id: string; name: string }[] }) {
  return (
    <ProvisionedList
      resource="groups"
      title="Groups"
      description="Groups pushed by your identity providers."
      search={{ label: "Search groups", placeholder: "Search group names" }}
      columns={columns}
      sortDefault="displayName"
      directories={directories}
      empty={{
        filtered: { title: "No groups match", text: "Try another search or directory." },
        none: {
          title: "No groups yet",
          text: "Groups appear here once an identity provider pushes them.",
        },
      }}
    />
  );
}
