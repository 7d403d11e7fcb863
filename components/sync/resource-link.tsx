import Link from "next/link";
import type { ResourceRef } from "@/lib/sync-log/resource-refs";

/** Where a resource lives in the dashboard. */
export function resourceHref(type: string | null, id: string | null): string | undefined {
  if (!id) return undefined;
  if (type === "User") return `/users/${encodeURIComponent(id)}`;
  if (type === "Group") return `/groups/${encodeURIComponent(id)}`;
  return undefined;
}

/** A user or group by name, linked while it exists and marked when it is gone. */
export function ResourceLink({ resource }: { resource: ResourceRef }) {
  const label = resource.label ?? resource.id;
  if (!resource.exists) {
    return (
      <span title="No longer exists">
        {label} <span className="muted">(deleted)</span>
      </span>
    );
  }
  return <Link href={resourceHref(resource.type, resource.id) ?? "#"}>{label}</Link>;
}
