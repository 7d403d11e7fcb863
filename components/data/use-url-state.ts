"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** Filters, sorting and paging live in the URL, so a view can be shared and survives reload. */
export function useUrlState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      // Built from the address bar, which replaceState updates at once, rather than from
      // `params`, which lags until the next render: two quick updates must both survive.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      // Next's router picks up native history calls, so `useSearchParams` still follows.
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return { params, get, set };
}

/** The query string to send to the API: the URL's own, minus empty values. */
export function apiQuery(params: URLSearchParams, keys: readonly string[]): string {
  const query = new URLSearchParams();
  for (const key of keys) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  return query.toString();
}
