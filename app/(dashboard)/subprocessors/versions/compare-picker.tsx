"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { VersionSummary } from "@/lib/subprocessors/versions";

/** Picks any two versions, or a version and the draft, for the side-by-side view. */
export function ComparePicker({ versions }: { versions: VersionSummary[] }) {
  const router = useRouter();
  const latest = versions[0]?.number ?? 1;
  const [from, setFrom] = useState(String(versions[1]?.number ?? latest));
  const [to, setTo] = useState(versions.length > 1 ? String(latest) : "draft");
  const options = [
    { value: "draft", label: "Current draft" },
    ...versions.map((version) => ({
      value: String(version.number),
      label: `Version ${version.number}`,
    })),
  ];
  const select = (label: string, value: string, onChange: (value: string) => void) => (
    <label className="select-field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="section card" aria-labelledby="compare-title">
      <h2 className="card-title" id="compare-title">
        Compare versions
      </h2>
      <form
        className="inline-form compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          router.push(`/subprocessors/versions/compare?from=${from}&to=${to}`);
        }}
      >
        {select("From", from, setFrom)}
        {select("To", to, setTo)}
        <button type="submit" className="button" disabled={from === to}>
          Compare side by side
        </button>
      </form>
    </section>
  );
}
