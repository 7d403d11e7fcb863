/** A dashboard API error as the server's one error shape describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ErrorShape = { error?: { code?: string; message?: string; issues?: ApiError["issues"] } };

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorShape & { message?: string };
  const message =
    body.error?.message ??
    body.message ??
    (response.status === 429 ? "Too many attempts. Wait a minute and try again." : undefined) ??
    `The server answered ${response.status}.`;
  return new ApiError(response.status, body.error?.code ?? "error", message, body.error?.issues);
}

/** Fetches JSON from the dashboard API; any non-2xx answer becomes an ApiError. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      Accept: "application/json",
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...init.headers,
    },
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export const postJson = <T>(path: string, body: unknown, method = "POST") =>
  apiFetch<T>(path, { method, body: JSON.stringify(body) });
