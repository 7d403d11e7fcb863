import { ScimError, toErrorBody } from "@/lib/scim/errors";
import { SCIM_CONTENT_TYPE } from "@/lib/scim/urns";

/** What a SCIM handler produces; turned into a Response at the edge, or a Bulk result. */
export type ScimResult = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export const CONTENT_TYPE = `${SCIM_CONTENT_TYPE}; charset=utf-8`;

export function serializeBody(result: ScimResult): string | undefined {
  return result.body === undefined ? undefined : JSON.stringify(result.body);
}

export function toResponse(result: ScimResult, text = serializeBody(result)): Response {
  const { status, headers } = result;
  if (text === undefined) return new Response(null, { status, headers });
  return new Response(text, { status, headers: { ...headers, "Content-Type": CONTENT_TYPE } });
}

export function errorResult(error: ScimError, headers?: Record<string, string>): ScimResult {
  return { status: error.status, body: toErrorBody(error), headers };
}

export function internalErrorResult(): ScimResult {
  return errorResult(new ScimError(500, "The server could not complete the request"));
}
