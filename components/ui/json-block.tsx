import { CopyButton } from "./copy-button";

export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = JSON.stringify(value, null, 2);
  return (
    <div className="json-block">
      <div className="json-block-bar">
        <span className="muted">{label}</span>
        <CopyButton value={text} label="Copy JSON" />
      </div>
      <pre tabIndex={0} aria-label={label}>
        {text}
      </pre>
    </div>
  );
}
