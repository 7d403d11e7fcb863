import type { ReactNode } from "react";

export function Spinner({ label = "Loading" }: { label?: string }) {
  return <span className="spinner" role="status" aria-label={label} />;
}

export function LoadingBlock({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="state state-loading" aria-busy="true">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
    </div>
  );
}

/** What went wrong, in words; never a stack trace. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const isApiError = error instanceof Error && error.name === "ApiError";
  if (isApiError && "status" in error && error.status === 404) {
    // Asking again cannot bring it back: say so instead of offering to try again.
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">{error.message}</p>
        <p className="state-body">It may have been deleted, or the link may be wrong.</p>
      </div>
    );
  }
  const message = isApiError
    ? error.message
    : "The data could not be loaded. Check your connection and try again.";
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">Something went wrong</p>
      <p className="state-body">{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function SkeletonLines({ count = 3 }: { count?: number }) {
  return (
    <div className="skeleton-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <span key={index} className="skeleton" />
      ))}
    </div>
  );
}
