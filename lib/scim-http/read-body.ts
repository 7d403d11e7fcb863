import { badRequest, ScimError } from "@/lib/scim/errors";

const JSON_TYPES = new Set(["application/scim+json", "application/json"]);
const NESTING_DEPTH_MAX = 32;

/**
 * Reads a JSON body's text, refusing it past `maxBytes` without buffering the excess.
 * RFC 7644 §3.1 names application/scim+json; clients also send application/json.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType && !JSON_TYPES.has(mediaType)) {
    throw new ScimError(
      415,
      `Content-Type "${mediaType}" is not supported; send application/scim+json`,
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  return readText(request, maxBytes);
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw badRequest("invalidSyntax", "The request body is empty");
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw badRequest("invalidSyntax", `The request body is not valid JSON${reason}`);
  }
  if (nestsDeeperThan(body, NESTING_DEPTH_MAX)) {
    const detail = `The request body nests deeper than ${NESTING_DEPTH_MAX} levels`;
    throw badRequest("invalidSyntax", detail);
  }
  return body;
}

/**
 * SCIM bodies nest a handful of levels (Bulk, then PATCH, then a multi-valued attribute). Much
 * deeper ones are refused here, walked without recursion, so that no recursive walk later on
 * (normalising, redacting for the sync log) can run out of stack.
 */
function nestsDeeperThan(value: unknown, depthMax: number): boolean {
  const pending: { item: unknown; depth: number }[] = [{ item: value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.item !== "object" || next.item === null) continue;
    if (next.depth >= depthMax) return true;
    for (const child of Object.values(next.item))
      pending.push({ item: child, depth: next.depth + 1 });
  }
  return false;
}

function tooLarge(maxBytes: number): ScimError {
  return new ScimError(413, `The request body exceeds the limit of ${maxBytes} bytes`);
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
