"use client";

import { useState } from "react";
import { SearchBox } from "@/components/data/search-box";
import { LOG_FILTER_KEYS, LOG_METHODS, STATUS_CLASSES } from "@/lib/sync-log/log-query";
import styles from "./logs.module.css";

type Directory = { id: string; name: string };
type Patch = Record<string, string | undefined>;

const RANGES = [
  ["15m", "Last 15 minutes"],
  ["1h", "Last hour"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
] as const;

/** `datetime-local` speaks the viewer's wall-clock time; the URL keeps UTC instants. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A minute typed as the end of a range includes that whole minute. */
function fromLocalInput(value: string, isEnd: boolean): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms + (isEnd ? 59_999 : 0)).toISOString();
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  anyLabel: string;
}) {
  return (
    <label className="select-field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LogFilters(props: {
  directories: Directory[];
  get: (key: string) => string | undefined;
  onChange: (patch: Patch) => void;
}) {
  const { get, onChange } = props;
  const hasCustomRange = Boolean(get("from") || get("to"));
  const [isCustom, setCustom] = useState(hasCustomRange);
  const range = get("since") ?? (isCustom || hasCustomRange ? "custom" : "");
  const isFiltered = LOG_FILTER_KEYS.some((key) => get(key));

  const chooseRange = (value: string) => {
    setCustom(value === "custom");
    if (value === "custom") onChange({ since: undefined });
    else onChange({ since: value, from: undefined, to: undefined });
  };

  return (
    <div className="toolbar" role="search" aria-label="Filter the sync log">
      <div className={styles.search}>
        <SearchBox
          label="Search path, userName or displayName"
          placeholder="Search path or name"
          value={get("q") ?? ""}
          onChange={(q) => onChange({ q })}
        />
      </div>
      <Select
        label="Directory"
        value={get("directory") ?? ""}
        onChange={(directory) => onChange({ directory })}
        options={props.directories.map((directory) => [directory.id, directory.name] as const)}
        anyLabel="All directories"
      />
      <Select
        label="Status"
        value={get("status") ?? ""}
        onChange={(status) => onChange({ status })}
        options={STATUS_CLASSES.map((code) => [code, code] as const)}
        anyLabel="Any status"
      />
      <Select
        label="Method"
        value={get("method") ?? ""}
        onChange={(method) => onChange({ method })}
        options={LOG_METHODS.map((method) => [method, method] as const)}
        anyLabel="Any method"
      />
      <Select
        label="Resource"
        value={get("type") ?? ""}
        onChange={(type) => onChange({ type })}
        options={[
          ["User", "Users"],
          ["Group", "Groups"],
        ]}
        anyLabel="Any resource"
      />
      <Select
        label="Time"
        value={range}
        onChange={chooseRange}
        options={[...RANGES, ["custom", "Custom…"]]}
        anyLabel="Any time"
      />
      {range === "custom" ? (
        <div className={styles.timeFields}>
          <label className="select-field">
            <span>From</span>
            <input
              type="datetime-local"
              value={toLocalInput(get("from"))}
              onChange={(event) => onChange({ from: fromLocalInput(event.target.value, false) })}
            />
          </label>
          <label className="select-field">
            <span>To</span>
            <input
              type="datetime-local"
              value={toLocalInput(get("to"))}
              onChange={(event) => onChange({ to: fromLocalInput(event.target.value, true) })}
            />
          </label>
        </div>
      ) : null}
      {isFiltered ? (
        <button
          type="button"
          className="button"
          aria-label="Clear filters"
          onClick={() => {
            setCustom(false);
            onChange(Object.fromEntries(LOG_FILTER_KEYS.map((key) => [key, undefined])));
          }}
        >
          Clear
        </button>
      ) : null}
    </div>
  );
}
