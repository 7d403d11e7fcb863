/** A minimal SCIM client for the demo: it counts what it sent and how the server answered. */
export function scimCaller(baseUrl: string, token: string, userAgent: string) {
  const tally = { requests: 0, failed: 0 };
  async function call(method: string, path: string, body?: unknown, secret = token) {
    const response = await fetch(`${baseUrl}/scim/v2${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${secret}`,
        "User-Agent": userAgent,
        Accept: "application/scim+json",
        ...(body === undefined ? {} : { "Content-Type": "application/scim+json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    tally.requests += 1;
    if (response.status >= 400) tally.failed += 1;
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }
  return { call, tally };
}

export type ScimCaller = ReturnType<typeof scimCaller>;
