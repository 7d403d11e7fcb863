"use client";

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import type { HourBucket } from "@/lib/dashboard/get-overview";

const hourLabel = (hour: string) => `${hour.slice(11, 13)}:00`;

/** Requests per hour over the last day, errors stacked on top in red. */
export function RequestChart({ series, label }: { series: HourBucket[]; label: string }) {
  const data = series.map((bucket) => ({
    hour: hourLabel(bucket.hour),
    ok: bucket.requests - bucket.errors,
    errors: bucket.errors,
  }));
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={72}>
        <BarChart data={data} margin={{ top: 4, right: 0, bottom: 0, left: 0 }} barCategoryGap={1}>
          <XAxis dataKey="hour" hide />
          <Tooltip
            cursor={{ fill: "rgba(79, 70, 229, 0.08)" }}
            contentStyle={{ fontSize: 12, borderRadius: 6, border: "1px solid #e3e6ea" }}
            formatter={(value, name) => [value, name === "ok" ? "Succeeded" : "Failed"]}
          />
          <Bar dataKey="ok" stackId="requests" fill="#6366f1" isAnimationActive={false} />
          <Bar dataKey="errors" stackId="requests" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="chart-axis">
        <span>24 h ago</span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
