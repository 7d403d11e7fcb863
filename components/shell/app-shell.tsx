import type { ReactNode } from "react";
import { ViewerProvider, type Viewer } from "@/components/data/session-context";
import { QueryProvider } from "@/components/data/query-provider";
import { AccountMenu } from "./account-menu";
import { NavLinks } from "./nav-links";
import { Sidebar } from "./sidebar";

export function BrandMark() {
  return (
    <span className="brand">
      <span className="brand-mark" aria-hidden="true" />
      Roster
    </span>
  );
}

export function AppShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return (
    <ViewerProvider viewer={viewer}>
      <QueryProvider>
        <a href="#content" className="skip-link">
          Skip to content
        </a>
        <div className="shell">
          <Sidebar brand={<BrandMark />}>
            <NavLinks />
            <AccountMenu />
          </Sidebar>
          <main id="content" className="content" tabIndex={-1}>
            {children}
          </main>
        </div>
      </QueryProvider>
    </ViewerProvider>
  );
}
