import { Badge } from "@/components/ui/badge";
import styles from "./logs.module.css";

const clock = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
  hourCycle: "h23",
});

/** Log times to the millisecond, in the viewer's time zone; the ISO instant on hover. */
export function LogTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {clock.format(new Date(iso))}
    </time>
  );
}

function statusTone(status: number) {
  if (status >= 500) return "danger";
  if (status >= 400) return "warning";
  if (status >= 300) return "info";
  return "success";
}

export function StatusBadge({ status, scimType }: { status: number; scimType?: string | null }) {
  return (
    <Badge tone={statusTone(status)}>
      {status}
      {scimType ? ` ${scimType}` : ""}
    </Badge>
  );
}

export function MethodLabel({ method }: { method: string }) {
  return <span className={[styles.method, styles[method.toLowerCase()]].join(" ")}>{method}</span>;
}

export function formatDuration(durationMs: number): string {
  return durationMs >= 1_000 ? `${(durationMs / 1_000).toFixed(2)} s` : `${durationMs} ms`;
}
