import { CopyButton } from "@/components/ui/copy-button";
import type { StoredBody } from "@/lib/sync-log/get-log-entry";

/** One body as stored: pretty JSON when it parsed, the raw text otherwise. */
export function BodyPane({ title, body }: { title: string; body: StoredBody | null }) {
  const text = body?.isJson ? JSON.stringify(body.json, null, 2) : (body?.text ?? "");
  return (
    <section className="card">
      <h2 className="card-title">{title}</h2>
      {body?.isTruncated ? (
        <p className="notice small">
          Cut at the stored size limit; the rest of this body was not kept.
        </p>
      ) : null}
      {body ? (
        <div className="json-block">
          <div className="json-block-bar">
            <span className="muted">{body.isJson ? "JSON" : "Text"}</span>
            <CopyButton value={text} label="Copy" />
          </div>
          <pre tabIndex={0} aria-label={title}>
            {text}
          </pre>
        </div>
      ) : (
        <p className="muted">No body was sent.</p>
      )}
    </section>
  );
}
