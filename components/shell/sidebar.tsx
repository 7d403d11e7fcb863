"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";

/**
 * The navigation column. Below 900 px it collapses to the brand and a menu button, so a phone
 * opens on the page rather than on a screenful of links; it closes again on navigation.
 */
export function Sidebar({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const [isOpen, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  return (
    <aside className="sidebar" data-open={isOpen}>
      <div className="sidebar-top">
        <Link href="/" className="brand-link">
          {brand}
        </Link>
        <button
          type="button"
          className="button button-small menu-button"
          aria-expanded={isOpen}
          aria-controls="sidebar-menu"
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen ? "Close" : "Menu"}
        </button>
      </div>
      <div id="sidebar-menu" className="sidebar-menu">
        {children}
      </div>
    </aside>
  );
}
