"use client";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string): string {
  return absolute.format(new Date(iso));
}

export function formatRelative(iso: string, nowMs = Date.now()): string {
  const deltaMs = new Date(iso).getTime() - nowMs;
  for (const [unit, sizeMs] of UNITS) {
    if (Math.abs(deltaMs) >= sizeMs) return relative.format(Math.round(deltaMs / sizeMs), unit);
  }
  return "just now";
}

/** "3 minutes ago", with the exact time on hover and for screen readers. */
export function RelativeTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)} suppressHydrationWarning>
      {formatRelative(iso)}
    </time>
  );
}
