import { CopyButton } from "@/components/ui/copy-button";

/** A new token's secret, the only time it is ever shown. */
export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div className="secret-reveal" role="status">
      <p>
        <strong>Copy this token now.</strong> Roster keeps only a hash of it; it cannot be shown
        again.
      </p>
      <div className="secret-row">
        <code className="secret" data-testid="token-secret">
          {secret}
        </code>
        <CopyButton value={secret} label="Copy token" />
      </div>
      <button type="button" className="button button-small" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
