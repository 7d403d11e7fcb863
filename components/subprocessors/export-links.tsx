"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/data/api-client";
import type { VersionSummary } from "@/lib/subprocessors/versions";

const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "json", label: "JSON" },
  { format: "pdf", label: "PDF" },
] as const;

function exportHref(format: string, version: string): string {
  return `/api/subprocessors/export?format=${format}&version=${encodeURIComponent(version)}`;
}

function Links({ version, label }: { version: string; label: string }) {
  return (
    <div className="export-buttons">
      {FORMATS.map(({ format, label: formatLabel }) => (
        <a
          key={format}
          className="button button-small"
          href={exportHref(format, version)}
          download
          aria-label={`Download ${label} as ${formatLabel}`}
        >
          {formatLabel}
        </a>
      ))}
    </div>
  );
}

/**
 * Download links for the draft or a published version. With `version` fixed the picker is left
 * out; each file states its version, date and SHA-256.
 */
export function ExportLinks({ version }: { version?: number }) {
  const [choice, setChoice] = useState("draft");
  const versions = useQuery({
    queryKey: ["subprocessor-versions"],
    queryFn: () => apiFetch<{ versions: VersionSummary[] }>("/api/subprocessors/versions"),
    enabled: version === undefined,
  });
  if (version !== undefined) {
    return <Links version={String(version)} label={`version ${version}`} />;
  }
  return (
    <div className="export-picker">
      <label className="select-field">
        <span>Register</span>
        <select value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="draft">Current draft</option>
          {(versions.data?.versions ?? []).map((item) => (
            <option key={item.number} value={String(item.number)}>
              Version {item.number}
            </option>
          ))}
        </select>
      </label>
      <Links
        version={choice}
        label={choice === "draft" ? "the current draft" : `version ${choice}`}
      />
      <p className="muted small">
        Each file states its version, date and the SHA-256 of its content.
      </p>
    </div>
  );
}
