import { APIError } from "better-auth/api";
import { ZodError } from "zod";
import { log } from "@/lib/log";
import { ScimError } from "@/lib/scim/errors";

export type ErrorIssue = { path: string; message: string };
export type ErrorBody = { error: { code: string; message: string; issues?: ErrorIssue[] } };

/** A failure the dashboard explains to the person who caused it. */
export class DashboardError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = "DashboardError";
  }
}

export const unauthorized = () => new DashboardError(401, "unauthorized", "Sign in to continue.");
export const forbidden = () =>
  new DashboardError(403, "forbidden", "Your role does not allow this action.");
export const notFound = (what: string) =>
  new DashboardError(404, "not_found", `${what} not found.`);
export const conflict = (message: string) => new DashboardError(409, "conflict", message);
export const invalid = (message: string) => new DashboardError(400, "invalid_request", message);

function fromAuthError(error: APIError): DashboardError {
  const body = error.body as { code?: unknown; message?: unknown } | undefined;
  const code = typeof body?.code === "string" ? body.code.toLowerCase() : "auth_error";
  const message = typeof body?.message === "string" ? body.message : "The request was refused.";
  return new DashboardError(error.statusCode, code, message);
}

function known(error: unknown): DashboardError | undefined {
  if (error instanceof DashboardError) return error;
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    return new DashboardError(400, "invalid_request", "The request is not valid.", issues);
  }
  if (error instanceof APIError && error.statusCode < 500) return fromAuthError(error);
  if (error instanceof ScimError && error.status === 404) {
    return new DashboardError(404, "not_found", error.message);
  }
  return undefined;
}

/** The one mapping from a thrown error to a dashboard API answer; unknown errors stay private. */
export function errorResponse(error: unknown): Response {
  const mapped = known(error);
  if (mapped) {
    const body: ErrorBody = {
      error: {
        code: mapped.code,
        message: mapped.message,
        ...(mapped.issues ? { issues: mapped.issues } : {}),
      },
    };
    return Response.json(body, { status: mapped.status });
  }
  log.error({ err: error }, "dashboard request failed");
  const body: ErrorBody = {
    error: { code: "internal", message: "Something went wrong on our side. Try again." },
  };
  return Response.json(body, { status: 500 });
}
