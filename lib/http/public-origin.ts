let settings: { configured: string | undefined; isProxied: boolean } | undefined;

/** Read once, on the first request: every SCIM request asks, and the environment stays put. */
function originSettings() {
  settings ??= {
    configured: process.env.PUBLIC_URL?.replace(/\/+$/, "") || undefined,
    isProxied: process.env.TRUST_PROXY === "1",
  };
  return settings;
}

/**
 * The address people and IdPs use to reach Roster: PUBLIC_URL when set, else the Host the client
 * sent. `request.url` under `next start` names the listening socket, not that Host.
 * X-Forwarded-* headers are believed only with TRUST_PROXY=1, as any client can send them.
 * `url` is `request.url` parsed, for a caller that has it already.
 */
export function publicOrigin(request: Request, url?: URL): string {
  const { configured, isProxied } = originSettings();
  if (configured) return configured;
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const parsed = url ?? new URL(request.url);
  const host = (isProxied ? first("x-forwarded-host") : undefined) ?? first("host") ?? parsed.host;
  const protocol =
    (isProxied ? first("x-forwarded-proto") : undefined) ?? parsed.protocol.slice(0, -1);
  return `${protocol}://${host}`;
}
