"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useViewer } from "@/components/data/session-context";
import type { Role } from "@/lib/auth/roles";

type Item = { href: string; label: string; roles?: readonly Role[] };

const MAIN: Item[] = [
  { href: "/", label: "Overview" },
  { href: "/users", label: "Users" },
  { href: "/groups", label: "Groups" },
  { href: "/logs", label: "Sync log" },
  { href: "/directories", label: "Directories" },
  { href: "/subprocessors", label: "Sub-processors" },
];

const SETTINGS: Item[] = [
  { href: "/settings/accounts", label: "Accounts", roles: ["admin"] },
  { href: "/settings/audit", label: "Audit trail", roles: ["admin", "compliance"] },
];

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function NavList({ items }: { items: Item[] }) {
  const pathname = usePathname();
  const { role } = useViewer();
  return (
    <ul>
      {items
        .filter((item) => !item.roles || item.roles.includes(role))
        .map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="nav-link"
              aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
    </ul>
  );
}

export function NavLinks() {
  const { role } = useViewer();
  const hasSettings = SETTINGS.some((item) => !item.roles || item.roles.includes(role));
  return (
    <nav aria-label="Main" className="nav">
      <NavList items={MAIN} />
      {hasSettings ? (
        <>
          <p className="nav-heading">Settings</p>
          <NavList items={SETTINGS} />
        </>
      ) : null}
    </nav>
  );
}
