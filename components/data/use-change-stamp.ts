"use client";

import { useQuery } from "@tanstack/react-query";
import type { ChangeStamp } from "@/lib/dashboard/change-stamp";
import { apiFetch } from "./api-client";

export const STAMP_POLL_MS = 2_000;

/**
 * Polls the cheap change fingerprint; lists put it in their query key, so they fetch their page
 * again only when users or groups actually changed, and new IdP pushes show up within seconds.
 */
export function useChangeStamp() {
  const { data } = useQuery({
    queryKey: ["stamp"],
    queryFn: () => apiFetch<ChangeStamp>("/api/stamp"),
    refetchInterval: STAMP_POLL_MS,
  });
  return data;
}
