"use client";

import { useState } from "react";

/** `what` names the value for screen readers where several Copy buttons sit together. */
export function CopyButton({
  value,
  label = "Copy",
  what,
}: {
  value: string;
  label?: string;
  what?: string;
}) {
  const [isCopied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard access can be refused (plain http, permissions); select-and-copy still works.
      return;
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1_500);
  };
  return (
    <button
      type="button"
      className="button button-small"
      onClick={copy}
      aria-live="polite"
      aria-label={what && !isCopied ? `${label} ${what}` : undefined}
    >
      {isCopied ? "Copied" : label}
    </button>
  );
}
