"use client";

import { ErrorState } from "@/components/ui/states";

/** Render errors of a dashboard page: a plain explanation, never the error's stack. */
export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={undefined} onRetry={reset} />;
}
